'use server';

import { defineAction } from '@/lib/actions';
import { registerApplicant } from '@/lib/dal/accounts';
import { registerSchema } from '@/lib/validation/auth';

export const registerAction = defineAction({
  access: 'public',
  schema: registerSchema,
  rateLimit: 'register',
  secretFields: ['password'],
  async handler(input, { request }) {
    await registerApplicant(input, request);
  },
});
