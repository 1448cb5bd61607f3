/**
 * Posts an open thread's live stream may forward (app/api/events): under `threadAccess(viewer)`
 * (./access.ts), checked again for every event, so a member who lost access to the space hears nothing
 * more. Hidden and removed posts and the viewer's own are left out: the page shows them on its next load.
 */
import 'server-only';
import { and, asc, eq, gt, isNull, ne } from 'drizzle-orm';
import { getDb } from '@/db';
import { posts, spaces, threads } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { isUuid } from '@/lib/dal/pagination';
import { threadAccess } from './access';

/** At most this many posts are replayed to a stream that resumes (Last-Event-ID); the bar counts them. */
export const LIVE_REPLAY_LIMIT = 50;

/**
 * Numbers of the thread's posts the viewer may be told about: one post (`postId`, a live event) or those
 * after `after` (a stream that starts or resumes), oldest first, bounded.
 */
export async function livePostNumbers(viewer: Viewer, threadId: string, which: { postId: string } | { after: number }): Promise<number[]> {
  if (!isUuid(threadId) || ('postId' in which && !isUuid(which.postId))) return [];
  const rows = await getDb()
    .select({ number: posts.number })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(spaces, eq(spaces.id, threads.spaceId))
    .where(
      and(
        eq(posts.threadId, threadId),
        'postId' in which ? eq(posts.id, which.postId) : gt(posts.number, which.after),
        isNull(posts.hiddenAt),
        isNull(posts.deletedAt),
        ne(posts.authorId, viewer.id),
        threadAccess(viewer),
      ),
    )
    .orderBy(asc(posts.number))
    .limit(LIVE_REPLAY_LIMIT);
  return rows.map((r) => r.number);
}
