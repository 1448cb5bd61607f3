'use server';

import { memberAction } from '@/lib/actions';
import { revealReportedAuthor } from '@/lib/dal/discussions/moderation';
import { revealAuthorSchema } from '@/lib/validation/discussions';

/**
 * A moderator reveals the author of a reported Chatham House post (decision 031): the report and a
 * reason are required, the DAL audits it, and the name goes back to this moderator only, in the answer.
 */
export const revealAuthorAction = memberAction(revealAuthorSchema, async ({ reportId, reason }, { viewer, request, say }) => {
  const author = await revealReportedAuthor(viewer, reportId, reason, request);
  return say('discussions.admin.revealed', { name: author.name || '—', organisation: author.organisation });
});
