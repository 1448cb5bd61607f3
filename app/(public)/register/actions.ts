'use server';

import { publicAction } from '@/lib/actions';
import { registerApplicant } from '@/lib/dal/accounts/accounts';
import { registerSchema } from '@/lib/validation/auth';

export const registerAction = publicAction(registerSchema, { rateLimit: 'register', secretFields: ['password'] }, async (input, { request }) => {
  await registerApplicant(input, request);
});
