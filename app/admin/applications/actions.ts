'use server';

import { memberAction } from '@/lib/actions';
import { approveApplication, rejectApplication } from '@/lib/dal/console/applications';
import { decideNomination } from '@/lib/dal/console/nominations';
import { approveApplicationSchema, rejectApplicationSchema } from '@/lib/validation/admin';
import { nominationDecisionSchema } from '@/lib/validation/people';
import { deleteApplication } from '@/lib/dal/privacy/erasure';
import { adminDeleteSchema } from '@/lib/validation/privacy';

// The list is not revalidated here: the decided card stays in place showing the outcome, and the
// list is fresh on the next visit (keyset cursors do not depend on the rows shown).

export const approveApplicationAction = memberAction(approveApplicationSchema, { reauth: true }, async ({ userId }, { viewer, request, say }) => {
  await approveApplication(viewer, userId, request);
  return say('admin.applications.approved');
});

export const rejectApplicationAction = memberAction(
  rejectApplicationSchema,
  { reauth: true },
  async ({ userId, reason }, { viewer, request, say }) => {
    await rejectApplication(viewer, userId, reason, request);
    return say('admin.applications.rejected');
  },
);

/** Confirms or declines a focal point's nomination of another focal point (decision 018). */
export const decideNominationAction = memberAction(
  nominationDecisionSchema,
  { reauth: true },
  async ({ nominationId, confirm }, { viewer, request, say }) => {
    await decideNomination(viewer, nominationId, confirm === 'true', request);
    return say(confirm === 'true' ? 'people.nominations.confirmed' : 'people.nominations.declined');
  },
);
export const deleteApplicationAction = memberAction(adminDeleteSchema, { reauth: true }, async ({ userId }, { viewer, request, say }) => {
  await deleteApplication(viewer, userId, request);
  return say('privacy.admin.applicationDeleted');
});
