'use server';

import { redirect } from 'next/navigation';
import { publicAction } from '@/lib/actions';
import { getGuidelinesPendingViewer, getViewer } from '@/lib/auth/viewer';
import { acceptGuidelines } from '@/lib/dal/guidelines/guidelines';
import { UserError } from '@/lib/errors';
import { safeNextPath } from '@/lib/safe-redirect';
import { acceptGuidelinesSchema } from '@/lib/validation/guidelines';

/**
 * Accepting the guidelines in force: the one action a signed-in person who has not accepted them may
 * take (they are no viewer for every other door). Limited per client address: there is no viewer to key on.
 */
export const acceptGuidelinesAction = publicAction(acceptGuidelinesSchema, { rateLimit: 'memberAction' }, async ({ version, next }, { request }) => {
  const account = await getGuidelinesPendingViewer();
  if (account) await acceptGuidelines(account, version, request);
  else if (!(await getViewer())) throw new UserError('errors.signedOut');
  redirect(safeNextPath(next));
});
