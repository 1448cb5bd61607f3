/**
 * Messages an open conversation's live stream may announce (app/api/events, decision 027): those of the
 * conversation that reach the viewer under `conversationAccess` and `messageAccess` (./access.ts),
 * checked again for every event with the member as the session row says now, so a member who left, or
 * a message from someone they blocked, is never announced. Removed and hidden messages and the viewer's
 * own are left out: the page shows them on its next load.
 */
import 'server-only';
import { and, asc, eq, gt, isNull, ne } from 'drizzle-orm';
import { getDb } from '@/db';
import { conversations, directMessages } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { isUuid } from '@/lib/dal/pagination';
import { conversationAccess, messageAccess } from './access';

/** At most this many messages are announced at once (a stream that resumes); the bar counts them. */
export const LIVE_MESSAGES_LIMIT = 50;

/** Numbers of the conversation's messages after `after` the viewer may be told about, oldest first, bounded. */
export async function liveMessageNumbers(viewer: Viewer, conversationId: string, after: number): Promise<number[]> {
  if (!isUuid(conversationId)) return [];
  const rows = await getDb()
    .select({ number: directMessages.number })
    .from(directMessages)
    .innerJoin(conversations, eq(conversations.id, directMessages.conversationId))
    .where(
      and(
        eq(directMessages.conversationId, conversationId),
        gt(directMessages.number, after),
        isNull(directMessages.deletedAt),
        isNull(directMessages.hiddenAt),
        ne(directMessages.authorId, viewer.id),
        conversationAccess(viewer),
        messageAccess(viewer),
      ),
    )
    .orderBy(asc(directMessages.number))
    .limit(LIVE_MESSAGES_LIMIT);
  return rows.map((r) => r.number);
}
