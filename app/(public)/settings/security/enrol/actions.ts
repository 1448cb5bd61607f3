'use server';

import { revalidatePath } from 'next/cache';
import { publicAction } from '@/lib/actions';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { enrolKey, enrolTotp, keyRegistrationOptions } from '@/lib/auth/enrolment';
import { safeNextPath } from '@/lib/safe-redirect';
import { enrolTotpSchema, keyOptionsSchema, registerKeySchema } from '@/lib/validation/security';

/**
 * Adds an authenticator app: for a signed-in member (re-authenticated within 10 minutes), or for a
 * session waiting to enrol (an account that must have a factor and has none). Limited per account.
 */
export const enrolTotpAction = publicAction(
  enrolTotpSchema,
  { rateLimit: false, secretFields: ['code'] },
  async ({ token, code, name, next }, { viewer, request, say }) => {
    const { recoveryCodes } = await enrolTotp(viewer, { token, code, name }, request);
    return { data: { recoveryCodes, next: safeNextPath(next, '/settings/security') }, ...say('security.enrol.added') };
  },
);

/** Options for adding a security key (the same people as above may ask); its name is checked before the browser asks for the key. */
export const keyRegistrationOptionsAction = publicAction(
  keyOptionsSchema,
  { rateLimit: 'memberAction', reauth: true },
  async (_input, { viewer }) => ({
    data: await keyRegistrationOptions(viewer),
  }),
);

/** Adds a security key from the browser's answer to the options above. Limited per account. */
export const enrolKeyAction = publicAction(
  registerKeySchema,
  { rateLimit: false, reauth: true },
  async ({ name, response, next }, { viewer, request, say }) => {
    const { recoveryCodes } = await enrolKey(viewer, { name, response: response as unknown as RegistrationResponseJSON }, request);
    revalidatePath('/settings/security');
    return { data: { recoveryCodes, next: safeNextPath(next, '/settings/security') }, ...say('security.keys.added') };
  },
);
