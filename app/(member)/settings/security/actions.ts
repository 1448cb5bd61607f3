'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/actions';
import { endOtherSessions, endSession } from '@/lib/auth/session-actions';
import { changePassword, requestEmailChange } from '@/lib/dal/accounts/accounts';
import { regenerateRecoveryCodes, removeFactor } from '@/lib/auth/second-factor';
import { changeEmailSchema, changePasswordSchema, sessionKeySchema } from '@/lib/validation/auth';
import { factorIdSchema } from '@/lib/validation/security';

export const endSessionAction = memberAction(sessionKeySchema, async ({ key }, { viewer, request, say }) => {
  await endSession(viewer, key, request);
  revalidatePath('/settings/security');
  return say('settings.ended');
});

export const endOtherSessionsAction = memberAction(z.object({ scope: z.literal('others') }), async (_input, { viewer, request, say }) => {
  const count = await endOtherSessions(viewer, request);
  revalidatePath('/settings/security');
  return say('settings.endedOthers', { count });
});

export const changePasswordAction = memberAction(
  changePasswordSchema,
  { secretFields: ['currentPassword', 'password', 'confirmPassword'] },
  async ({ currentPassword, password }, { viewer, request, say }) => {
    await changePassword(viewer, currentPassword, password, request);
    revalidatePath('/settings/security');
    return say('settings.passwordChanged');
  },
);

export const removeFactorAction = memberAction(factorIdSchema, { reauth: true }, async ({ id }, { viewer, request, say }) => {
  await removeFactor(viewer, id, request);
  revalidatePath('/settings/security');
  return say('security.factors.removed');
});

export const regenerateRecoveryCodesAction = memberAction(
  z.object({ scope: z.literal('recovery') }),
  { reauth: true },
  async (_input, { viewer, request, say }) => {
    const codes = await regenerateRecoveryCodes(viewer, request);
    revalidatePath('/settings/security');
    return { data: codes, ...say('security.recovery.regenerated') };
  },
);

export const changeEmailAction = memberAction(
  changeEmailSchema,
  { secretFields: ['currentPassword'] },
  async ({ email, currentPassword }, { viewer, request, say }) => {
    await requestEmailChange(viewer, email, currentPassword, request);
    return say('settings.emailLinkSent', { email });
  },
);
