'use server';

import { publicAction } from '@/lib/actions';
import { requestPasswordReset } from '@/lib/dal/accounts/accounts';
import { forgotPasswordSchema } from '@/lib/validation/auth';

export const forgotPasswordAction = publicAction(forgotPasswordSchema, { rateLimit: 'passwordReset' }, async ({ email }, { request, say }) => {
  await requestPasswordReset(email, request);
  return say('auth.forgot.done');
});
