/**
 * Searching one's own direct messages. ACCESS (./access.ts): results come only from messages that
 * reach the viewer (`messageAccess(viewer)` in the WHERE clause), never removed or hidden ones; there is
 * no search across other people's conversations for anyone, admins included. Full text as discussions
 * search does it (decision 005): 'simple' over immutable_unaccent, the GIN index on
 * direct_messages.search_vector, websearch_to_tsquery, snippets marked by headline() and escaped by
 * highlightToHtml.
 */
import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { conversations, directMessages, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { headline } from '@/lib/dal/highlight';
import { isoMicros, keysetPage, seekClause, timeIdKey, type Page } from '@/lib/dal/pagination';
import { highlightToHtml, type HighlightHtml } from '@/lib/html';
import { messageAccess } from './access';

export interface MessageHit {
  messageId: string;
  conversationId: string;
  subject: string | null;
  authorName: string;
  createdAt: Date;
  createdKey: string;
  snippetHtml: HighlightHtml;
}

/** The viewer's messages matching `q`, newest first. */
export async function searchMessages(viewer: Viewer, q: string, cursor?: string | null): Promise<Page<MessageHit>> {
  const text = q.trim();
  if (!text) return { items: [], next: null, previous: null };
  const query = sql`websearch_to_tsquery('simple', immutable_unaccent(${text}))`;
  const headlineQuery = sql`websearch_to_tsquery('simple_unaccent', ${text})`;
  return keysetPage({
    cursor,
    key: timeIdKey,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause(
        [directMessages.createdAt, directMessages.id],
        key ? [sql`${key[0]}::timestamptz`, sql`${key[1]}::uuid`] : null,
        'desc',
        backward,
      );
      const rows = await getDb()
        .select({
          messageId: directMessages.id,
          conversationId: directMessages.conversationId,
          subject: conversations.subject,
          authorName: users.name,
          createdAt: directMessages.createdAt,
          createdKey: isoMicros(directMessages.createdAt),
          snippet: headline(directMessages.plainText, headlineQuery, 'MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'),
        })
        .from(directMessages)
        .innerJoin(conversations, eq(conversations.id, directMessages.conversationId))
        .innerJoin(users, eq(users.id, directMessages.authorId))
        .where(
          and(
            sql`"direct_messages"."search_vector" @@ ${query}`,
            isNull(directMessages.deletedAt),
            isNull(directMessages.hiddenAt),
            messageAccess(viewer),
            seek.where,
          ),
        )
        .orderBy(...seek.orderBy)
        .limit(limit);
      return rows.map(({ snippet, ...row }) => ({ ...row, snippetHtml: highlightToHtml(snippet) }));
    },
    keyOf: (row) => [row.createdKey, row.messageId] as [string, string],
  });
}
