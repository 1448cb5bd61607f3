'use server';

import { redirect } from 'next/navigation';
import { publicAction } from '@/lib/actions';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { passSecondStep } from '@/lib/auth/second-step';
import { passKeySignIn, startKeySignIn } from '@/lib/auth/webauthn';
import { getPendingSession } from '@/lib/auth/viewer';
import { UserError } from '@/lib/errors';
import { safeNextPath } from '@/lib/safe-redirect';
import { keySignInSchema, secondFactorCodeSchema } from '@/lib/validation/security';
import { z } from 'zod';

// Limited per account in lib/auth/second-step.ts (the session is not signed in yet, so there is no member to key on here).
export const secondFactorAction = publicAction(
  secondFactorCodeSchema,
  { rateLimit: false, secretFields: ['code'] },
  async ({ code, next }, { request }) => {
    const pending = await getPendingSession();
    if (!pending) throw new UserError('security.signIn.expired');
    await passSecondStep(pending, code, request);
    redirect(safeNextPath(next));
  },
);

/** Options for signing in with one of the pending account's security keys (the challenge is kept on the pending session). */
export const keySignInOptionsAction = publicAction(z.object({}), { rateLimit: 'memberAction' }, async () => {
  const pending = await getPendingSession();
  if (!pending) throw new UserError('security.signIn.expired');
  return { data: await startKeySignIn(pending) };
});

/** The browser's answer signed by a security key; on success the session is signed in and the browser goes to `next`. Limited per account. */
export const keySignInAction = publicAction(keySignInSchema, { rateLimit: false }, async ({ response, next }, { request }) => {
  const pending = await getPendingSession();
  if (!pending) throw new UserError('security.signIn.expired');
  await passKeySignIn(pending, response as unknown as AuthenticationResponseJSON, request);
  return { data: { next: safeNextPath(next) } };
});
