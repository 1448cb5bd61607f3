/** A person's notifications: list, unread count, marking read; under notificationAccess (./access.ts). */
import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { notifications, organisations, resources, spaces, threads, users } from '@/db/schema';
import type { NotificationKind } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { cursorTimestamp, isoMicros, keysetPage, seekClause, type Page } from '@/lib/dal/pagination';
import { notificationAccess } from './access';
import { chathamLabel, masked, underChatham, type ChathamAuthor } from '@/lib/dal/discussions/chatham';

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  createdAt: Date;
  createdKey: string;
  readAt: Date | null;
  /** Null when the thread runs under the Chatham House Rule: `actorChatham` stands for the actor (decision 031). */
  actorName: string | null;
  actorId: string | null;
  actorChatham: ChathamAuthor | null;
  threadId: string | null;
  threadTitle: string | null;
  postNumber: number | null;
  spaceName: string | null;
  spaceSlug: string | null;
  /** A notification about a resource (`resource_marking_lowered`): its id and title. */
  resourceId: string | null;
  resourceTitle: string | null;
}

const key = z.tuple([cursorTimestamp, z.uuid()]);
const UNREAD_CAP = 99;

export async function listNotifications(viewer: Viewer, cursor?: string | null): Promise<Page<NotificationItem>> {
  return keysetPage({
    cursor,
    key,
    fetch: async ({ key: k, backward }, limit) => {
      const seek = seekClause(
        [notifications.createdAt, notifications.id],
        k ? [sql`${k[0]}::timestamptz`, sql`${k[1]}::uuid`] : null,
        'desc',
        backward,
      );
      const rows = await getDb()
        .select({
          id: notifications.id,
          kind: notifications.kind,
          createdAt: notifications.createdAt,
          createdKey: isoMicros(notifications.createdAt),
          readAt: notifications.readAt,
          actorName: users.name,
          actorId: notifications.actorId,
          chatham: sql<boolean>`coalesce(${underChatham()}, false)`,
          actorSector: organisations.sector,
          actorCountry: organisations.country,
          threadId: threads.id,
          threadTitle: threads.title,
          postNumber: sql<number | null>`(select p.number from posts p where p.id = "notifications"."post_id")`,
          spaceName: spaces.name,
          spaceSlug: spaces.slug,
          resourceId: resources.id,
          resourceTitle: resources.title,
        })
        .from(notifications)
        .leftJoin(threads, eq(threads.id, notifications.threadId))
        .leftJoin(spaces, sql`"spaces"."id" = coalesce("threads"."space_id", "notifications"."space_id")`)
        .leftJoin(resources, eq(resources.id, notifications.resourceId))
        .leftJoin(users, eq(users.id, notifications.actorId))
        .leftJoin(organisations, eq(organisations.id, users.organisationId))
        .where(and(notificationAccess(viewer), seek.where))
        .orderBy(...seek.orderBy)
        .limit(limit);
      return rows.map(({ chatham, actorSector, actorCountry, ...row }) => ({
        ...row,
        actorName: masked(chatham, row.actorName),
        actorId: masked(chatham, row.actorId),
        actorChatham: chatham && actorSector ? chathamLabel(true, actorSector, actorCountry) : null,
      }));
    },
    keyOf: (row) => [row.createdKey, row.id] as [string, string],
  });
}

/** The count of unread notifications the viewer may see, capped (the header shows "99+"), as a query to run or embed (lib/dal/member-shell.ts). */
export function unreadNotificationsQuery(viewer: Viewer) {
  return getDb()
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(
      getDb()
        .select({ id: notifications.id })
        .from(notifications)
        .leftJoin(threads, eq(threads.id, notifications.threadId))
        .leftJoin(spaces, sql`"spaces"."id" = coalesce("threads"."space_id", "notifications"."space_id")`)
        .where(and(notificationAccess(viewer), isNull(notifications.readAt)))
        .limit(UNREAD_CAP + 1)
        .as('unread'),
    );
}

/** Unread notifications the viewer may see, capped (the header shows "99+"). */
export async function unreadNotificationCount(viewer: Viewer): Promise<number> {
  const [row] = await unreadNotificationsQuery(viewer);
  return row?.n ?? 0;
}

export const UNREAD_NOTIFICATIONS_CAP = UNREAD_CAP;

export async function markNotificationsRead(viewer: Viewer, ids: string[] | 'all'): Promise<void> {
  await getDb()
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.userId, viewer.id),
        isNull(notifications.readAt),
        ids === 'all' ? undefined : inArray(notifications.id, ids.slice(0, 100)),
      ),
    );
}

/** Opening a thread or a resource marks the viewer's notifications about it read. */
export async function markNotificationsReadAbout(viewer: Viewer, about: { threadId: string } | { resourceId: string }): Promise<void> {
  await getDb()
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.userId, viewer.id),
        'threadId' in about ? eq(notifications.threadId, about.threadId) : eq(notifications.resourceId, about.resourceId),
        isNull(notifications.readAt),
      ),
    );
}

export const markThreadNotificationsRead = (viewer: Viewer, threadId: string) => markNotificationsReadAbout(viewer, { threadId });
