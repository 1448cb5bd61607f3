'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { moveThread, resolveReport, setPostHidden, setThreadLocked, setThreadPinned } from '@/lib/dal/discussions/moderation';
import { reportTarget } from '@/lib/dal/moderation/reports';
import { suspendTemporarily, warnMember } from '@/lib/dal/moderation/members';
import { setBreakReminder } from '@/lib/dal/moderation/settings';
import { hideSchema, moveSchema, postIdSchema, resolveSchema, toggleSchema } from '@/lib/validation/discussions';
import { breakReminderSchema, dismissReportSchema, reportTargetSchema, temporarySuspensionSchema, warnSchema } from '@/lib/validation/moderation';

/** Moderator actions, used on thread pages and in /admin/moderation (the DAL refuses everyone else). */
function revalidate(threadId?: string) {
  if (threadId) revalidatePath(`/threads/${threadId}`);
  revalidatePath('/admin/moderation');
}

export const hidePostAction = memberAction(hideSchema, async ({ postId, reason }, { viewer, request, say }) => {
  const { threadId } = await setPostHidden(viewer, postId, { reason }, request);
  revalidate(threadId);
  return say('discussions.moderation.hidden');
});

export const restorePostAction = memberAction(postIdSchema, async ({ postId }, { viewer, request, say }) => {
  const { threadId } = await setPostHidden(viewer, postId, null, request);
  revalidate(threadId);
  return say('discussions.moderation.restored');
});

export const lockThreadAction = memberAction(toggleSchema, async ({ threadId, on }, { viewer, request, say }) => {
  await setThreadLocked(viewer, threadId, on, request);
  revalidate(threadId);
  return say('discussions.moderation.done');
});

export const pinThreadAction = memberAction(toggleSchema, async ({ threadId, on }, { viewer, request, say }) => {
  await setThreadPinned(viewer, threadId, on, request);
  revalidate(threadId);
  return say('discussions.moderation.done');
});

export const moveThreadAction = memberAction(moveSchema, async ({ threadId, spaceId }, { viewer, request, say }) => {
  await moveThread(viewer, threadId, spaceId, request);
  revalidate(threadId);
  return say('discussions.moderation.done');
});

export const resolveReportAction = memberAction(resolveSchema, async ({ reportId }, { viewer, request, say }) => {
  await resolveReport(viewer, reportId, request);
  revalidate();
  return say('discussions.moderation.resolved');
});

export const dismissReportAction = memberAction(dismissReportSchema, async ({ reportId }, { viewer, request, say }) => {
  await resolveReport(viewer, reportId, request, 'dismissed');
  revalidate();
  return say('discussions.moderation.dismissed');
});

/** Any member reports a thread, resource, person or organisation they can see (decision 029). */
export const reportTargetAction = memberAction(
  reportTargetSchema,
  { rateLimit: 'report' },
  async ({ kind, targetId, reason }, { viewer, request, say }) => {
    await reportTarget(viewer, kind, targetId, reason, request);
    return say('discussions.report.sent');
  },
);

export const warnMemberAction = memberAction(warnSchema, async ({ userId, reason, reportId }, { viewer, request, say }) => {
  await warnMember(viewer, userId, reason, request, reportId);
  revalidatePath('/admin/moderation');
  revalidatePath(`/admin/users/${userId}`);
  return say('discussions.moderation.warned');
});

export const suspendTemporarilyAction = memberAction(
  temporarySuspensionSchema,
  async ({ userId, days, reason, reportId }, { viewer, request, say }) => {
    await suspendTemporarily(viewer, userId, days, reason, request, reportId);
    revalidatePath('/admin/moderation');
    revalidatePath(`/admin/users/${userId}`);
    return say('discussions.moderation.suspended');
  },
);

export const breakReminderAction = memberAction(breakReminderSchema, async ({ minutes }, { viewer, request, say }) => {
  await setBreakReminder(viewer, minutes === '0' ? null : Number(minutes), request);
  revalidatePath('/admin/moderation');
  return say('discussions.wellbeing.saved');
});
