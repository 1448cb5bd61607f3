'use server';

import { redirect } from 'next/navigation';
import { CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { publicAction } from '@/lib/actions';
import { signIn } from '@/lib/auth/auth';
import { withSignInOutcome } from '@/lib/auth/sign-in-outcome';
import { getFormatter } from 'next-intl/server';
import { ownRejectionReason, ownSuspensionEnd } from '@/lib/dal/accounts/accounts';
import { UserError } from '@/lib/errors';
import { safeNextPath } from '@/lib/safe-redirect';
import { signInSchema } from '@/lib/validation/auth';

// No rate limit at the door: lib/auth/authenticate counts failed sign-ins per account + address and per address.
const schema = signInSchema.extend({ next: z.string().max(500).optional() });

export const signInAction = publicAction(schema, { rateLimit: false, secretFields: ['password'] }, async ({ email, password, next }) => {
  let secondFactor = true;
  try {
    ({ secondFactor } = await withSignInOutcome(() => signIn('credentials', { email, password, redirect: false })));
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      // A rejected applicant (their password was right) reads the Secretariat's reason.
      const reason = error.code === 'rejected' ? await ownRejectionReason(email, password) : null;
      // A temporarily suspended member (their password was right) reads when it ends.
      const until = error.code === 'suspended' ? await ownSuspensionEnd(email, password) : null;
      if (until) {
        const when = (await getFormatter()).dateTime(until, { dateStyle: 'long', timeStyle: 'short' });
        throw new UserError('auth.signIn.suspendedUntil', undefined, { until: when });
      }
      throw reason ? new UserError('auth.signIn.rejectedWithReason', undefined, { reason }) : new UserError(`auth.signIn.${error.code}`);
    }
    throw error;
  }
  // An account that has or needs a second factor goes to the second step (the factor, or its enrolment).
  const target = safeNextPath(next);
  redirect(secondFactor ? `/sign-in/second-factor?next=${encodeURIComponent(target)}` : target);
});
