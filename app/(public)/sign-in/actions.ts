'use server';

import { redirect } from 'next/navigation';
import { CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { defineAction } from '@/lib/actions';
import { signIn } from '@/lib/auth/auth';
import { UserError } from '@/lib/errors';
import { safeNextPath } from '@/lib/safe-redirect';
import { signInSchema } from '@/lib/validation/auth';

export const signInAction = defineAction({
  access: 'public',
  schema: signInSchema.extend({ next: z.string().max(500).optional() }),
  secretFields: ['password'],
  async handler({ email, password, next }) {
    try {
      await signIn('credentials', { email, password, redirect: false });
    } catch (error) {
      if (error instanceof CredentialsSignin) throw new UserError(`auth.signIn.${error.code}`);
      throw error;
    }
    redirect(safeNextPath(next));
  },
});
