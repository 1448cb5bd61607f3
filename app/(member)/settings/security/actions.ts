'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { defineAction } from '@/lib/actions';
import { endOtherSessions, endSession } from '@/lib/auth/session-actions';
import { changePassword } from '@/lib/dal/accounts';
import { changePasswordSchema, sessionKeySchema } from '@/lib/validation/auth';

export const endSessionAction = defineAction({
  access: 'member',
  schema: sessionKeySchema,
  rateLimit: 'memberAction',
  async handler({ key }, { viewer, request }) {
    await endSession(viewer, key, request);
    revalidatePath('/settings/security');
    return { message: (await getTranslations('settings'))('ended') };
  },
});

export const endOtherSessionsAction = defineAction({
  access: 'member',
  schema: z.object({ scope: z.literal('others') }),
  rateLimit: 'memberAction',
  async handler(_input, { viewer, request }) {
    const count = await endOtherSessions(viewer, request);
    revalidatePath('/settings/security');
    return { message: (await getTranslations('settings'))('endedOthers', { count }) };
  },
});

export const changePasswordAction = defineAction({
  access: 'member',
  schema: changePasswordSchema,
  rateLimit: 'memberAction',
  secretFields: ['currentPassword', 'password', 'confirmPassword'],
  async handler({ currentPassword, password }, { viewer, request }) {
    await changePassword(viewer, currentPassword, password, request);
    revalidatePath('/settings/security');
    return { message: (await getTranslations('settings'))('passwordChanged') };
  },
});
