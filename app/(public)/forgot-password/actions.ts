'use server';

import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/lib/actions';
import { requestPasswordReset } from '@/lib/dal/accounts';
import { forgotPasswordSchema } from '@/lib/validation/auth';

export const forgotPasswordAction = defineAction({
  access: 'public',
  schema: forgotPasswordSchema,
  rateLimit: 'passwordReset',
  async handler({ email }, { request }) {
    await requestPasswordReset(email, request);
    return { message: (await getTranslations('auth.forgot'))('done') };
  },
});
