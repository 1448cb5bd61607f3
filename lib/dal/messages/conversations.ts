/**
 * Reading direct messages: the inbox, one conversation and its messages, unread counts, people to write
 * to. ACCESS (./access.ts): every query here carries `conversationAccess(viewer)` or
 * `messageAccess(viewer)` in its WHERE clause; there is no variant for admins or moderators.
 */
import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { executeRows, getDb } from '@/db';
import { conversationParticipants, conversations, directMessages, organisations, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { cursorTimestamp, isoMicros, isUuid, keysetPage, seekClause, type Page } from '@/lib/dal/pagination';
import { NotFoundError } from '@/lib/errors';
import { conversationAccess, messageAccess } from './access';
import { withCurrentMentionNames } from '@/lib/dal/discussions/mention-names';
import { resourceCardsOf, type ResourceCard } from '@/lib/dal/resources/cards';
import { attachmentsOf, type AttachmentView } from './attachments';
import { EDIT_MINUTES, GROUP_MAX } from './write';

const UNREAD_CAP = 99;

/** Messages of the conversation (`c` an SQL alias of conversations) that reach the viewer and are unread. */
const unreadOf = (viewer: Viewer, lastRead: ReturnType<typeof sql>) =>
  sql`(select count(*) from (select 1 from direct_messages where "direct_messages"."conversation_id" = "conversations"."id"
    and "direct_messages"."number" > ${lastRead} and "direct_messages"."author_id" <> ${viewer.id}::uuid
    and "direct_messages"."deleted_at" is null and ${messageAccess(viewer)} limit ${UNREAD_CAP + 1}) u)`;

/** The names of the other current participants, as one text (the inbox shows them). */
const othersOf = (viewer: Viewer) =>
  sql<string[]>`array(select coalesce(nullif(u.name, ''), '') from conversation_participants o join users u on u.id = o.user_id
    where o.conversation_id = "conversations"."id" and o.user_id <> ${viewer.id}::uuid and o.left_at is null order by u.name limit 4)`;

export interface InboxItem {
  id: string;
  subject: string | null;
  isGroup: boolean;
  others: string[];
  otherCount: number;
  lastActivityAt: Date;
  activityKey: string;
  unread: number;
  muted: boolean;
}

const inboxKey = z.tuple([cursorTimestamp, z.uuid()]);

/** The viewer's conversations by last activity (keyset on the inbox index), with unread counts. */
export async function listInbox(viewer: Viewer, cursor?: string | null): Promise<Page<InboxItem>> {
  return keysetPage({
    cursor,
    key: inboxKey,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause(
        [conversationParticipants.lastActivityAt, conversationParticipants.conversationId],
        key ? [sql`${key[0]}::timestamptz`, sql`${key[1]}::uuid`] : null,
        'desc',
        backward,
      );
      return getDb()
        .select({
          id: conversations.id,
          subject: conversations.subject,
          isGroup: conversations.isGroup,
          others: othersOf(viewer),
          otherCount:
            sql<number>`(select count(*) from conversation_participants o where o.conversation_id = "conversations"."id" and o.user_id <> ${viewer.id}::uuid and o.left_at is null)`.mapWith(
              Number,
            ),
          lastActivityAt: conversationParticipants.lastActivityAt,
          activityKey: isoMicros(conversationParticipants.lastActivityAt),
          unread: unreadOf(viewer, sql`"conversation_participants"."last_read_number"`).mapWith(Number),
          muted: conversationParticipants.muted,
        })
        .from(conversationParticipants)
        .innerJoin(conversations, eq(conversations.id, conversationParticipants.conversationId))
        .where(and(eq(conversationParticipants.userId, viewer.id), sql`"conversation_participants"."left_at" is null`, seek.where))
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
    keyOf: (row) => [row.activityKey, row.id] as [string, string],
  });
}

/** How many conversations have unread messages for the viewer (the header badge), capped at 99 (+). */
export async function unreadConversationCount(viewer: Viewer): Promise<number> {
  const [row] = await executeRows<{ n: number }>(getDb(), sql`select (${unreadConversationsQuery(viewer)}) as n`);
  return Number(row?.n ?? 0);
}

/** The count behind `unreadConversationCount`, as a scalar query to run or embed (lib/dal/member-shell.ts). */
export function unreadConversationsQuery(viewer: Viewer) {
  return sql`select count(*)::int from (
    select 1 from conversation_participants cp join conversations on conversations.id = cp.conversation_id
    where cp.user_id = ${viewer.id}::uuid and cp.left_at is null and conversations.message_count > cp.last_read_number
      and exists (select 1 from direct_messages where "direct_messages"."conversation_id" = conversations.id
        and "direct_messages"."number" > cp.last_read_number and "direct_messages"."author_id" <> ${viewer.id}::uuid
        and "direct_messages"."deleted_at" is null and ${messageAccess(viewer)})
    limit ${UNREAD_CAP + 1}) x`;
}

export const UNREAD_CONVERSATIONS_CAP = UNREAD_CAP;

export interface Participant {
  id: string;
  name: string;
  organisationName: string;
  active: boolean;
  isViewer: boolean;
}

export interface ConversationView {
  id: string;
  subject: string | null;
  isGroup: boolean;
  muted: boolean;
  lastReadNumber: number;
  /** The number of the conversation's last message (whoever it reached): where live updates start. */
  lastNumber: number;
  participants: Participant[];
  canAdd: boolean;
}

/** A conversation the viewer takes part in, or null (a 404) for everyone else — admins and moderators included. */
export async function getConversation(viewer: Viewer, unsafeId: string): Promise<ConversationView | null> {
  if (!isUuid(unsafeId)) return null;
  const [row] = await getDb()
    .select({
      id: conversations.id,
      subject: conversations.subject,
      isGroup: conversations.isGroup,
      muted: conversationParticipants.muted,
      lastReadNumber: conversationParticipants.lastReadNumber,
      lastNumber: conversations.messageCount,
    })
    .from(conversations)
    .innerJoin(
      conversationParticipants,
      and(eq(conversationParticipants.conversationId, conversations.id), eq(conversationParticipants.userId, viewer.id)),
    )
    .where(and(eq(conversations.id, unsafeId), conversationAccess(viewer)))
    .limit(1);
  if (!row) return null;
  const participants = await getDb()
    .select({
      id: users.id,
      name: users.name,
      organisationName: organisations.name,
      active: sql<boolean>`(${users.status} = 'active')`,
      isViewer: sql<boolean>`(${users.id} = ${viewer.id}::uuid)`,
    })
    .from(conversationParticipants)
    .innerJoin(users, eq(users.id, conversationParticipants.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(conversationParticipants.conversationId, row.id), sql`"conversation_participants"."left_at" is null`))
    .orderBy(asc(users.name));
  return { ...row, participants, canAdd: row.isGroup && participants.length < GROUP_MAX };
}

export interface MessageView {
  id: string;
  number: number;
  authorId: string;
  /** Empty for a deleted account (shown as "Former member"). */
  authorName: string;
  /** The author's account is suspended or deleted: their messages stay, attributed as such. */
  authorInactive: boolean;
  cooked: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  hidden: boolean;
  isOwn: boolean;
  editable: boolean;
  /** Its files, in order (none once deleted or hidden). */
  attachments: AttachmentView[];
  /** Cards for the resources it links to that the viewer may see (lib/dal/resources/cards.ts). */
  resourceCards: ResourceCard[];
}

const messageKey = z.tuple([z.number().int().nonnegative(), z.uuid()]);

/** The conversation's messages that reach the viewer, newest page first (shown oldest first within it). */
export async function listMessages(viewer: Viewer, unsafeConversationId: string, cursor?: string | null): Promise<Page<MessageView>> {
  if (!isUuid(unsafeConversationId)) throw new NotFoundError('conversation');
  const page = await keysetPage({
    cursor,
    key: messageKey,
    size: 50,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause([directMessages.number, directMessages.id], key ? [sql`${key[0]}::int`, sql`${key[1]}::uuid`] : null, 'desc', backward);
      return getDb()
        .select({
          id: directMessages.id,
          number: directMessages.number,
          authorId: directMessages.authorId,
          authorName: users.name,
          authorInactive: sql<boolean>`(${users.status} <> 'active')`,
          cooked: directMessages.cooked,
          createdAt: directMessages.createdAt,
          editedAt: directMessages.editedAt,
          deletedAt: directMessages.deletedAt,
          hiddenAt: directMessages.hiddenAt,
          recent: sql<boolean>`(${directMessages.createdAt} > now() - make_interval(mins => ${EDIT_MINUTES}))`,
        })
        .from(directMessages)
        .innerJoin(users, eq(users.id, directMessages.authorId))
        .where(and(eq(directMessages.conversationId, unsafeConversationId), messageAccess(viewer), seek.where))
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
    keyOf: (row) => [row.number, row.id] as [number, string],
  });
  const shown = page.items.map(({ deletedAt, hiddenAt, recent, cooked, ...row }) => {
    const deleted = deletedAt !== null;
    const hidden = hiddenAt !== null;
    const isOwn = row.authorId === viewer.id;
    return { ...row, deleted, hidden, isOwn, cooked: deleted || hidden ? null : cooked, editable: isOwn && recent && !deleted && !hidden };
  });
  // The page's files, linked resources and mentioned people: one query each, under their own rules
  // (./attachments.ts, lib/dal/resources/cards.ts, decision 022's current names).
  const [files, cards, renamed] = await Promise.all([
    attachmentsOf(
      viewer,
      shown.filter((m) => m.cooked !== null).map((m) => m.id),
    ),
    resourceCardsOf(viewer, shown),
    withCurrentMentionNames(viewer, shown),
  ]);
  const items = renamed.map((m) => ({ ...m, attachments: files.get(m.id) ?? [], resourceCards: cards.get(m.id) ?? [] }));
  return { ...page, items: items.reverse() };
}

/** The markdown of the viewer's own message (the edit form), while it may still be edited. */
export async function ownMessageSource(viewer: Viewer, unsafeId: string): Promise<{ id: string; conversationId: string; body: string } | null> {
  if (!isUuid(unsafeId)) return null;
  const [row] = await getDb()
    .select({ id: directMessages.id, conversationId: directMessages.conversationId, body: directMessages.body })
    .from(directMessages)
    .where(
      and(
        eq(directMessages.id, unsafeId),
        eq(directMessages.authorId, viewer.id),
        sql`${directMessages.deletedAt} is null and ${directMessages.hiddenAt} is null`,
        sql`${directMessages.createdAt} > now() - make_interval(mins => ${EDIT_MINUTES})`,
        messageAccess(viewer),
      ),
    )
    .limit(1);
  return row ?? null;
}
