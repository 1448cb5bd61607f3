'use server';

import { redirect } from 'next/navigation';
import { publicAction } from '@/lib/actions';
import { resetPassword } from '@/lib/dal/accounts/accounts';
import { UserError } from '@/lib/errors';
import { resetPasswordSchema } from '@/lib/validation/auth';

const options = { rateLimit: 'passwordReset', secretFields: ['password', 'confirmPassword'] } as const;

export const resetPasswordAction = publicAction(resetPasswordSchema, options, async ({ token, password }, { request }) => {
  if (!(await resetPassword(token, password, request))) throw new UserError('auth.reset.invalid');
  redirect('/sign-in?notice=passwordReset');
});
