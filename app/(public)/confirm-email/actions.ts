'use server';

import { publicAction } from '@/lib/actions';
import { confirmEmailChange } from '@/lib/dal/accounts/accounts';
import { UserError } from '@/lib/errors';
import { tokenSchema } from '@/lib/validation/auth';

export const confirmEmailChangeAction = publicAction(tokenSchema, { rateLimit: 'register' }, async ({ token }, { request }) => {
  if (!(await confirmEmailChange(token, request))) throw new UserError('auth.confirmEmail.invalid');
});
