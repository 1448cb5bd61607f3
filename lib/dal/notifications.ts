/**
 * ACCESS RULES for notifications: a person sees only their own, and only those about a space they
 * still see, checked at READ time with the same `spaceAccess(viewer)` rule (spaces-access.ts): a
 * notification about a thread in a space they have since lost access to is never shown or counted.
 * Join decisions concern request-only spaces, whose name and description everyone may see.
 */
import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { notifications, spaces, threads, users } from '@/db/schema';
import type { NotificationKind } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { cursorTimestamp, isoMicros, keysetPage, type Page } from './pagination';
import { spaceAccess } from './spaces-access';

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  createdAt: Date;
  createdKey: string;
  readAt: Date | null;
  actorName: string | null;
  threadId: string | null;
  threadTitle: string | null;
  postNumber: number | null;
  spaceName: string | null;
  spaceSlug: string | null;
}

/** The condition under which a notification may be shown to its owner now. */
function visible(viewer: Viewer) {
  return and(
    eq(notifications.userId, viewer.id),
    sql`(("notifications"."thread_id" is null and "spaces"."access" = 'request') or ("threads"."id" is not null and ${spaceAccess(viewer)}))`,
  );
}

const key = z.tuple([cursorTimestamp, z.uuid()]);
const UNREAD_CAP = 99;

export async function listNotifications(viewer: Viewer, cursor?: string | null): Promise<Page<NotificationItem>> {
  return keysetPage({
    cursor,
    key,
    fetch: async ({ key: k, backward }, limit) => {
      const dir = backward ? 'asc' : 'desc';
      const seek = k ? sql`("notifications"."created_at", "notifications"."id") ${sql.raw(backward ? '>' : '<')} (${k[0]}::timestamptz, ${k[1]}::uuid)` : undefined;
      return getDb()
        .select({
          id: notifications.id,
          kind: notifications.kind,
          createdAt: notifications.createdAt,
          createdKey: isoMicros(notifications.createdAt),
          readAt: notifications.readAt,
          actorName: users.name,
          threadId: threads.id,
          threadTitle: threads.title,
          postNumber: sql<number | null>`(select p.number from posts p where p.id = "notifications"."post_id")`,
          spaceName: spaces.name,
          spaceSlug: spaces.slug,
        })
        .from(notifications)
        .leftJoin(threads, eq(threads.id, notifications.threadId))
        .leftJoin(spaces, sql`"spaces"."id" = coalesce("threads"."space_id", "notifications"."space_id")`)
        .leftJoin(users, eq(users.id, notifications.actorId))
        .where(and(visible(viewer), seek))
        .orderBy(sql.raw(`"notifications"."created_at" ${dir}, "notifications"."id" ${dir}`))
        .limit(limit);
    },
    keyOf: (row) => [row.createdKey, row.id] as [string, string],
  });
}

/** Unread notifications the viewer may see, capped (the header shows "99+"). */
export async function unreadNotificationCount(viewer: Viewer): Promise<number> {
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(
      getDb()
        .select({ id: notifications.id })
        .from(notifications)
        .leftJoin(threads, eq(threads.id, notifications.threadId))
        .leftJoin(spaces, sql`"spaces"."id" = coalesce("threads"."space_id", "notifications"."space_id")`)
        .where(and(visible(viewer), isNull(notifications.readAt)))
        .limit(UNREAD_CAP + 1)
        .as('unread'),
    );
  return row?.n ?? 0;
}

export const UNREAD_NOTIFICATIONS_CAP = UNREAD_CAP;

export async function markNotificationsRead(viewer: Viewer, ids: string[] | 'all'): Promise<void> {
  await getDb()
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, viewer.id), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, ids.slice(0, 100))));
}

/** Opening a thread marks the viewer's notifications about it read. */
export async function markThreadNotificationsRead(viewer: Viewer, threadId: string): Promise<void> {
  await getDb()
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, viewer.id), eq(notifications.threadId, threadId), isNull(notifications.readAt)));
}
