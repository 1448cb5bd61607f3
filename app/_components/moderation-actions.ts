'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { moveThread, resolveReport, setPostHidden, setThreadLocked, setThreadPinned } from '@/lib/dal/discussions/moderation';
import { hideSchema, moveSchema, postIdSchema, resolveSchema, toggleSchema } from '@/lib/validation/discussions';

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
