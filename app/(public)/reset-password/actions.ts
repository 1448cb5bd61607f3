'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions';
import { resetPassword } from '@/lib/dal/accounts';
import { UserError } from '@/lib/errors';
import { resetPasswordSchema } from '@/lib/validation/auth';

export const resetPasswordAction = defineAction({
  access: 'public',
  schema: resetPasswordSchema,
  rateLimit: 'passwordReset',
  secretFields: ['password', 'confirmPassword'],
  async handler({ token, password }, { request }) {
    if (!(await resetPassword(token, password, request))) throw new UserError('auth.reset.invalid');
    redirect('/sign-in?notice=passwordReset');
  },
});
