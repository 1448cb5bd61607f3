'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { memberAction } from '@/lib/actions';
import { pageOfPost } from '@/lib/dal/discussions/posts';
import { createReply, createThread, deletePost, editPost, previewPost } from '@/lib/dal/discussions/posts-write';
import { reportPost } from '@/lib/dal/moderation/reports';
import { clearUrgent, followThread, setUrgent } from '@/lib/dal/discussions/threads';
import { setThreadMarking } from '@/lib/dal/discussions/markings';
import { threadMarkingSchema } from '@/lib/validation/markings';
import {
  editPostSchema,
  followSchema,
  newThreadSchema,
  postIdSchema,
  previewSchema,
  replySchema,
  reportSchema,
  threadIdSchema,
  urgentSchema,
} from '@/lib/validation/discussions';

const postUrl = (threadId: string, number: number) => `/threads/${threadId}?page=${pageOfPost(number)}#post-${number}`;

export const createThreadAction = memberAction(newThreadSchema, async (input, { viewer, request }) => {
  const { threadId } = await createThread(viewer, input, request);
  redirect(`/threads/${threadId}`);
});

export const replyAction = memberAction(replySchema, async (input, { viewer, request }) => {
  const { number } = await createReply(viewer, input, request);
  redirect(postUrl(input.threadId, number));
});

export const editPostAction = memberAction(editPostSchema, async ({ postId, body, identifyingChecked }, { viewer, request }) => {
  const { threadId, number } = await editPost(viewer, postId, body, { identifyingChecked, request });
  redirect(postUrl(threadId, number));
});

export const deletePostAction = memberAction(postIdSchema, async ({ postId }, { viewer, request }) => {
  const { threadId, number } = await deletePost(viewer, postId, request);
  redirect(postUrl(threadId, number));
});

/** The editor's preview: the sanitized HTML the post would store. */
export const previewAction = memberAction(previewSchema, async ({ body }) => {
  return { data: { html: await previewPost(body) } };
});

export const followThreadAction = memberAction(followSchema, async ({ id, follow }, { viewer, say }) => {
  await followThread(viewer, id, follow);
  revalidatePath(`/threads/${id}`);
  return say(follow ? 'discussions.thread.followed' : 'discussions.thread.unfollowed');
});

export const urgentAction = memberAction(urgentSchema, async ({ threadId, reason }, { viewer, request, say }) => {
  await setUrgent(viewer, threadId, reason, request);
  revalidatePath(`/threads/${threadId}`);
  return say('discussions.thread.urgentSet');
});

export const clearUrgentAction = memberAction(threadIdSchema, async ({ threadId }, { viewer, request, say }) => {
  await clearUrgent(viewer, threadId, request);
  revalidatePath(`/threads/${threadId}`);
  return say('discussions.thread.urgentCleared');
});

export const reportAction = memberAction(reportSchema, async ({ postId, reason }, { viewer, request, say }) => {
  await reportPost(viewer, postId, reason, request);
  return say('discussions.report.sent');
});

/** Raises or lowers a thread's TLP marking (its author or a moderator who sees it; decision 030). */
export const threadMarkingAction = memberAction(threadMarkingSchema, async ({ threadId, ...marking }, { viewer, request, say }) => {
  const { lowered } = await setThreadMarking(viewer, threadId, marking, request);
  revalidatePath(`/threads/${threadId}`);
  return say(lowered ? 'common.tlp.lowered' : 'common.tlp.saved');
});
