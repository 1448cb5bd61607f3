import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { reportStatusEnum } from './discussions';
import { files } from './files';

/**
 * Direct messages (issue 12, decision 023): conversations between members, their participants, the
 * messages, members' blocks and reports of messages. Who may read what is decided in
 * lib/dal/messages/access.ts: participants only, plus reported excerpts for moderators.
 */

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const conversations = pgTable('conversations', {
  id: uuid().primaryKey().defaultRandom(),
  /** A group's optional subject (one-to-one conversations have none). */
  subject: varchar({ length: 200 }),
  /** Started with more than one other person: people can be added, the subject renamed, and members may leave. */
  isGroup: boolean().notNull().default(false),
  createdBy: uuid()
    .notNull()
    .references(() => users.id),
  /** Number of the last message (messages are numbered 1, 2, … within a conversation). */
  messageCount: integer().notNull().default(0),
  lastMessageAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The participant sees messages written from this moment on (people added to a group see no earlier history). */
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set when they left a group: the conversation is then gone for them. */
    leftAt: timestamp({ withTimezone: true }),
    muted: boolean().notNull().default(false),
    /** The number of the last message they have seen. */
    lastReadNumber: integer().notNull().default(0),
    /** The conversation's last activity, copied here so the inbox is one index scan per member. */
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index('conversation_participants_inbox_idx')
      .on(t.userId, t.lastActivityAt.desc().nullsFirst(), t.conversationId.desc().nullsFirst())
      .where(sql`${t.leftAt} is null`),
  ],
);

export const directMessages = pgTable(
  'direct_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    /** Sanitized HTML made from `body` when written (lib/markdown). */
    cooked: text().notNull(),
    plainText: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp({ withTimezone: true }),
    /** Removed by its author: shown as "message removed". */
    deletedAt: timestamp({ withTimezone: true }),
    /** Hidden by a moderator after a report. */
    hiddenAt: timestamp({ withTimezone: true }),
    hiddenReason: varchar({ length: 300 }),
    hiddenBy: uuid().references(() => users.id),
    searchVector: tsvector().generatedAlwaysAs(sql`to_tsvector('simple', immutable_unaccent(plain_text))`),
  },
  (t) => [
    uniqueIndex('direct_messages_number_idx').on(t.conversationId, t.number),
    index('direct_messages_author_created_idx').on(t.authorId, t.createdAt),
    index('direct_messages_search_idx').using('gin', t.searchVector),
  ],
);

/**
 * Files attached to a message (decision 027): downloadable by whom the message reaches (messageAccess),
 * removed with the message when its author deletes it.
 */
export const directMessageAttachments = pgTable(
  'direct_message_attachments',
  {
    messageId: uuid()
      .notNull()
      .references(() => directMessages.id, { onDelete: 'cascade' }),
    fileId: uuid()
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    /** Order on the message (0, 1, …). */
    position: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.fileId] }), uniqueIndex('direct_message_attachments_file_idx').on(t.fileId)],
);

/** A member's block of another: the blocked one cannot start or add them, and their messages stop reaching the blocker. */
export const memberBlocks = pgTable(
  'member_blocks',
  {
    blockerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.blockerId, t.blockedId] }), index('member_blocks_blocked_idx').on(t.blockedId)],
);

export const messageReports = pgTable(
  'message_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    messageId: uuid()
      .notNull()
      .references(() => directMessages.id, { onDelete: 'cascade' }),
    reporterId: uuid()
      .notNull()
      .references(() => users.id),
    reason: varchar({ length: 500 }).notNull(),
    status: reportStatusEnum().notNull().default('open'),
    resolvedBy: uuid().references(() => users.id),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('message_reports_open_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.status} = 'open'`),
    index('message_reports_message_idx').on(t.messageId),
    uniqueIndex('message_reports_one_open_idx')
      .on(t.messageId, t.reporterId)
      .where(sql`${t.status} = 'open'`),
  ],
);
