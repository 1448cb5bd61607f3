'use server';

import { publicAction } from '@/lib/actions';
import { resendVerification, verifyEmail } from '@/lib/dal/accounts/accounts';
import { UserError } from '@/lib/errors';
import { resendVerificationSchema, tokenSchema } from '@/lib/validation/auth';

export const verifyEmailAction = publicAction(tokenSchema, { rateLimit: 'register' }, async ({ token }, { request }) => {
  if (!(await verifyEmail(token, request))) throw new UserError('auth.verify.invalid');
});

export const resendVerificationAction = publicAction(resendVerificationSchema, { rateLimit: 'register' }, async ({ email }, { request, say }) => {
  await resendVerification(email, request);
  return say('auth.verify.resent');
});
