'use server';

import { defineAction } from '@/lib/actions';
import { verifyEmail } from '@/lib/dal/accounts';
import { UserError } from '@/lib/errors';
import { tokenSchema } from '@/lib/validation/auth';

export const verifyEmailAction = defineAction({
  access: 'public',
  schema: tokenSchema,
  rateLimit: 'register',
  async handler({ token }, { request }) {
    if (!(await verifyEmail(token, request))) throw new UserError('auth.verify.invalid');
  },
});
