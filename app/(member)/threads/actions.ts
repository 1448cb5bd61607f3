'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/lib/actions';
import { pageOfPost } from '@/lib/dal/posts';
import { createReply, createThread, deletePost, editPost, previewPost } from '@/lib/dal/posts-write';
import { reportPost } from '@/lib/dal/moderation';
import { clearUrgent, followThread, setUrgent } from '@/lib/dal/threads';
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
const say = async (key: string) => ({ message: (await getTranslations('discussions'))(key) });

export const createThreadAction = defineAction({
  access: 'member',
  schema: newThreadSchema,
  rateLimit: 'memberAction',
  async handler(input, { viewer, request }) {
    const { threadId } = await createThread(viewer, input, request);
    redirect(`/threads/${threadId}`);
  },
});

export const replyAction = defineAction({
  access: 'member',
  schema: replySchema,
  rateLimit: 'memberAction',
  async handler(input, { viewer }) {
    const { number } = await createReply(viewer, input);
    redirect(postUrl(input.threadId, number));
  },
});

export const editPostAction = defineAction({
  access: 'member',
  schema: editPostSchema,
  rateLimit: 'memberAction',
  async handler({ postId, body }, { viewer }) {
    const { threadId, number } = await editPost(viewer, postId, body);
    redirect(postUrl(threadId, number));
  },
});

export const deletePostAction = defineAction({
  access: 'member',
  schema: postIdSchema,
  rateLimit: 'memberAction',
  async handler({ postId }, { viewer, request }) {
    const { threadId, number } = await deletePost(viewer, postId, request);
    redirect(postUrl(threadId, number));
  },
});

/** The editor's preview: the sanitized HTML the post would store. */
export const previewAction = defineAction<typeof previewSchema, { html: string }>({
  access: 'member',
  schema: previewSchema,
  rateLimit: 'memberAction',
  async handler({ body }) {
    return { data: { html: await previewPost(body) } };
  },
});

export const followThreadAction = defineAction({
  access: 'member',
  schema: followSchema,
  rateLimit: 'memberAction',
  async handler({ id, follow }, { viewer }) {
    await followThread(viewer, id, follow);
    revalidatePath(`/threads/${id}`);
    return say(follow ? 'thread.followed' : 'thread.unfollowed');
  },
});

export const urgentAction = defineAction({
  access: 'member',
  schema: urgentSchema,
  rateLimit: 'memberAction',
  async handler({ threadId, reason }, { viewer, request }) {
    await setUrgent(viewer, threadId, reason, request);
    revalidatePath(`/threads/${threadId}`);
    return say('thread.urgentSet');
  },
});

export const clearUrgentAction = defineAction({
  access: 'member',
  schema: threadIdSchema,
  rateLimit: 'memberAction',
  async handler({ threadId }, { viewer, request }) {
    await clearUrgent(viewer, threadId, request);
    revalidatePath(`/threads/${threadId}`);
    return say('thread.urgentCleared');
  },
});

export const reportAction = defineAction({
  access: 'member',
  schema: reportSchema,
  rateLimit: 'memberAction',
  async handler({ postId, reason }, { viewer, request }) {
    await reportPost(viewer, postId, reason, request);
    return say('report.sent');
  },
});
