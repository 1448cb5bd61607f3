/**
 * What every member page's frame shows about the viewer, read in one statement: the header's unread
 * notifications and conversations and the urgent banner's threads. Each part is the query its own module
 * runs alone, under that module's access rule (notificationAccess, messageAccess, threadAccess); here they
 * are only asked together, once per request (issue 17: three round trips became one).
 */
import 'server-only';
import { cache } from 'react';
import { sql } from 'drizzle-orm';
import { executeRows, getDb } from '@/db';
import type { Viewer } from '@/lib/auth/sessions';
import { unreadConversationsQuery } from '@/lib/dal/messages/conversations';
import { unreadNotificationsQuery } from '@/lib/dal/notifications/notifications';
import { unopenedUrgentThreadsJson, type UnopenedUrgentThread } from '@/lib/dal/notifications/urgent';

export interface MemberShellState {
  unreadNotifications: number;
  unreadConversations: number;
  urgentThreads: UnopenedUrgentThread[];
}

/** The frame's state for this viewer; cached per request (the header's links and the banner each ask). */
export const memberShellState = cache(async (viewer: Viewer): Promise<MemberShellState> => {
  const [row] = await executeRows<{ notifications: number; conversations: number; urgent: UnopenedUrgentThread[] }>(
    getDb(),
    sql`select (${unreadNotificationsQuery(viewer)}) as notifications, (${unreadConversationsQuery(viewer)}) as conversations,
      (${unopenedUrgentThreadsJson(viewer)}) as urgent`,
  );
  return {
    unreadNotifications: Number(row?.notifications ?? 0),
    unreadConversations: Number(row?.conversations ?? 0),
    urgentThreads: row?.urgent ?? [],
  };
});
