/**
 * Urgent alerts in the portal: the banner of urgent threads a member was alerted to and has not opened (under `threadAccess`, the discussions' rule), and how many members a flagging alerted (for the
 * thread's author and moderators only).
 */
import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { notifications, spaces, threads } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { threadAccess } from '@/lib/dal/discussions/access';
import { isModerator } from '@/lib/dal/roles';

/** An urgent thread alerts its space at most once in this many hours, however often it is flagged. */
export const URGENT_REALERT_HOURS = 24;

export interface UnopenedUrgentThread {
  id: string;
  title: string;
  language: string;
  spaceName: string;
}

/** How many unopened urgent threads the banner on every member page lists. */
export const URGENT_BANNER_LIMIT = 3;

/** Urgent threads the viewer sees, was alerted to and has not opened since, newest first. */
export async function listUnopenedUrgentThreads(viewer: Viewer, limit = URGENT_BANNER_LIMIT): Promise<UnopenedUrgentThread[]> {
  return unopenedUrgentQuery(viewer, limit);
}

function unopenedUrgentQuery(viewer: Viewer, limit: number) {
  return getDb()
    .select({ id: threads.id, title: threads.title, language: threads.language, spaceName: spaces.name, urgentAt: threads.urgentAt })
    .from(threads)
    .innerJoin(spaces, eq(spaces.id, threads.spaceId))
    .where(
      and(
        eq(threads.isUrgent, true),
        threadAccess(viewer),
        sql`"spaces"."archived_at" is null`,
        // Alerted and not opened since: opening the thread marks its notifications read.
        sql`exists (select 1 from notifications n where n.user_id = ${viewer.id}::uuid and n.thread_id = "threads"."id" and n.kind = 'urgent' and n.read_at is null)`,
      ),
    )
    .orderBy(desc(threads.urgentAt))
    .limit(limit);
}

/**
 * `listUnopenedUrgentThreads` as one JSON array (`UnopenedUrgentThread[]`, newest first), a scalar query to
 * embed in another statement (lib/dal/member-shell.ts).
 */
export function unopenedUrgentThreadsJson(viewer: Viewer, limit = URGENT_BANNER_LIMIT) {
  return sql`select coalesce(json_agg(json_build_object('id', u.id, 'title', u.title, 'language', u.language, 'spaceName', u.name)
    order by u.urgent_at desc), '[]'::json) from (${unopenedUrgentQuery(viewer, limit)}) u`;
}

/**
 * How many members the thread's current urgent flag alerted (a notification each), for its author or a
 * moderator; null for anyone else or when the thread is not urgent.
 */
export async function alertedCount(viewer: Viewer, thread: { id: string; authorId: string | null; isUrgent: boolean }): Promise<number | null> {
  if (!thread.isUrgent || (thread.authorId !== viewer.id && !isModerator(viewer))) return null;
  const [row] = await getDb()
    .select({ n: sql<number>`count(distinct ${notifications.userId})`.mapWith(Number) })
    .from(notifications)
    .innerJoin(threads, eq(threads.id, notifications.threadId))
    .where(
      and(
        eq(notifications.threadId, thread.id),
        eq(notifications.kind, 'urgent'),
        // The current flagging's alert, or the earlier one that stands for it (a thread flagged again within
        // a day alerts nobody anew: lib/dal/discussions/jobs.ts).
        sql`${notifications.createdAt} >= "threads"."urgent_at" - make_interval(hours => ${URGENT_REALERT_HOURS})`,
      ),
    );
  return row?.n ?? 0;
}
