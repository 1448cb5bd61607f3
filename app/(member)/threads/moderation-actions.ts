'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/lib/actions';
import { moveThread, resolveReport, setPostHidden, setThreadLocked, setThreadPinned } from '@/lib/dal/moderation';
import { hideSchema, moveSchema, postIdSchema, resolveSchema, toggleSchema } from '@/lib/validation/discussions';

/** Moderator actions, used on thread pages and in /admin/moderation (the DAL refuses everyone else). */
const done = async (key: string, threadId?: string) => {
  if (threadId) revalidatePath(`/threads/${threadId}`);
  revalidatePath('/admin/moderation');
  return { message: (await getTranslations('discussions.moderation'))(key) };
};

export const hidePostAction = defineAction({
  access: 'member',
  schema: hideSchema,
  rateLimit: 'memberAction',
  async handler({ postId, reason }, { viewer, request }) {
    const { threadId } = await setPostHidden(viewer, postId, { reason }, request);
    return done('hidden', threadId);
  },
});

export const restorePostAction = defineAction({
  access: 'member',
  schema: postIdSchema,
  rateLimit: 'memberAction',
  async handler({ postId }, { viewer, request }) {
    const { threadId } = await setPostHidden(viewer, postId, null, request);
    return done('restored', threadId);
  },
});

export const lockThreadAction = defineAction({
  access: 'member',
  schema: toggleSchema,
  rateLimit: 'memberAction',
  async handler({ threadId, on }, { viewer, request }) {
    await setThreadLocked(viewer, threadId, on, request);
    return done('done', threadId);
  },
});

export const pinThreadAction = defineAction({
  access: 'member',
  schema: toggleSchema,
  rateLimit: 'memberAction',
  async handler({ threadId, on }, { viewer, request }) {
    await setThreadPinned(viewer, threadId, on, request);
    return done('done', threadId);
  },
});

export const moveThreadAction = defineAction({
  access: 'member',
  schema: moveSchema,
  rateLimit: 'memberAction',
  async handler({ threadId, spaceId }, { viewer, request }) {
    await moveThread(viewer, threadId, spaceId, request);
    return done('done', threadId);
  },
});

export const resolveReportAction = defineAction({
  access: 'member',
  schema: resolveSchema,
  rateLimit: 'memberAction',
  async handler({ reportId }, { viewer, request }) {
    await resolveReport(viewer, reportId, request);
    return done('resolved');
  },
});
