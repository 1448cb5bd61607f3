import { SPACE_ACCESS, SPACE_FOLLOW_MODES } from '../values';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { sectorEnum, tlpMarkingEnum } from './enums';
import { organisations } from './organisations';
import { users } from './accounts';

/** Discussions: spaces, threads, posts, reading state, follows and reports (notifications: ./notifications.ts). */

export { SPACE_ACCESS };
export type SpaceAccessKind = (typeof SPACE_ACCESS)[number];
export const spaceAccessEnum = pgEnum('space_access', SPACE_ACCESS);

export const JOIN_STATUSES = ['pending', 'accepted', 'declined'] as const;
export const joinStatusEnum = pgEnum('join_status', JOIN_STATUSES);

export const REPORT_STATUSES = ['open', 'resolved'] as const;
export const reportStatusEnum = pgEnum('report_status', REPORT_STATUSES);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const spaces = pgTable(
  'spaces',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: varchar({ length: 120 }).notNull().unique(),
    name: varchar({ length: 120 }).notNull(),
    description: text().notNull().default(''),
    access: spaceAccessEnum().notNull().default('open'),
    /** For sector spaces: the sectors whose members may take part. */
    sectors: sectorEnum()
      .array()
      .notNull()
      .default(sql`'{}'::sector[]`),
    position: integer().notNull().default(0),
    /** Every thread of the space runs under the Chatham House Rule (decision 031). */
    chathamHouse: boolean().notNull().default(false),
    threadCount: integer().notNull().default(0),
    lastActivityAt: timestamp({ withTimezone: true }),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('spaces_position_idx').on(t.position, t.name)],
);

/** Members of request-only spaces (and the managers who answer join requests). */
export const spaceMembers = pgTable(
  'space_members',
  {
    spaceId: uuid()
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    isManager: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.userId] }), index('space_members_user_idx').on(t.userId)],
);

export const joinRequests = pgTable(
  'space_join_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    spaceId: uuid()
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text().notNull().default(''),
    status: joinStatusEnum().notNull().default('pending'),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('join_requests_pending_idx')
      .on(t.spaceId, t.userId)
      .where(sql`${t.status} = 'pending'`),
    index('join_requests_space_idx').on(t.spaceId, t.status, t.createdAt),
  ],
);

export const threads = pgTable(
  'threads',
  {
    id: uuid().primaryKey().defaultRandom(),
    spaceId: uuid()
      .notNull()
      .references(() => spaces.id),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    title: varchar({ length: 200 }).notNull(),
    /** The language the thread is written in (ISO 639-1): the author's choice, by default their interface locale. */
    language: varchar({ length: 10 }).notNull().default('en'),
    /**
     * The TLP marking (decision 030): GREEN and CLEAR leave the space's rule alone; AMBER and
     * AMBER+STRICT narrow it to thread_marking_orgs, RED to thread_marking_people (both checked only for
     * those rows, threadAccess in lib/dal/discussions/access.ts).
     */
    marking: tlpMarkingEnum().notNull().default('green'),
    isUrgent: boolean().notNull().default(false),
    urgentReason: varchar({ length: 200 }),
    urgentAt: timestamp({ withTimezone: true }),
    isPinned: boolean().notNull().default(false),
    isLocked: boolean().notNull().default(false),
    /**
     * The thread runs under the Chatham House Rule: chosen when it is started, always set in a Chatham House
     * space (so it stays under the rule if the space's flag is later cleared). Decision 031.
     */
    chathamHouse: boolean().notNull().default(false),
    /** Number of the last post (posts are numbered 1, 2, … within a thread; soft deletes keep their number). */
    postCount: integer().notNull().default(0),
    lastPostAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastPosterId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector().generatedAlwaysAs(sql`to_tsvector('simple', immutable_unaccent(title))`),
  },
  (t) => [
    /**
     * The space page: pinned, then urgent, then last activity (keyset on the whole tuple). NULLS FIRST as
     * the page's plain `desc` (and, scanned backwards, its `asc`): with drizzle's default NULLS LAST the
     * planner could not use it and sorted the whole space (10,000 threads: 88 ms; with it 0.5 ms, decision 026).
     */
    index('threads_space_order_idx').on(
      t.spaceId,
      t.isPinned.desc().nullsFirst(),
      t.isUrgent.desc().nullsFirst(),
      t.lastPostAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    /** The space page filtered by language: the same order within one language. */
    index('threads_space_language_order_idx').on(
      t.spaceId,
      t.language,
      t.isPinned.desc().nullsFirst(),
      t.isUrgent.desc().nullsFirst(),
      t.lastPostAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('threads_urgent_idx')
      .on(t.urgentAt)
      .where(sql`${t.isUrgent}`),
    index('threads_author_created_idx').on(t.authorId, t.createdAt),
    index('threads_search_idx').using('gin', t.searchVector),
    // The few AMBER and RED threads of a space: what its thread count leaves out for those not let in.
    index('threads_space_marked_idx')
      .on(t.spaceId)
      .where(sql`${t.marking} not in ('clear', 'green')`),
  ],
);

/**
 * The organisations whose members may see an AMBER or AMBER+STRICT thread: those the author chose and
 * the author's own (AMBER+STRICT: the author's own only). Written with the marking, never read alone.
 */
export const threadMarkingOrgs = pgTable(
  'thread_marking_orgs',
  {
    threadId: uuid()
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.organisationId] })],
);

/** The people who may see a RED thread: those the author named, and the author. */
export const threadMarkingPeople = pgTable(
  'thread_marking_people',
  {
    threadId: uuid()
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] })],
);

export const posts = pgTable(
  'posts',
  {
    id: uuid().primaryKey().defaultRandom(),
    threadId: uuid()
      .notNull()
      .references(() => threads.id),
    number: integer().notNull(),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    /** Sanitized HTML made from `body` when written (pages never parse markdown). */
    cooked: text().notNull(),
    /** Plain text of the post (search and snippets). */
    plainText: text().notNull().default(''),
    bodyHash: varchar({ length: 64 }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    hiddenAt: timestamp({ withTimezone: true }),
    hiddenReason: varchar({ length: 300 }),
    hiddenBy: uuid().references(() => users.id),
    searchVector: tsvector().generatedAlwaysAs(sql`to_tsvector('simple', immutable_unaccent(plain_text))`),
  },
  (t) => [
    uniqueIndex('posts_thread_number_idx').on(t.threadId, t.number),
    index('posts_author_created_idx').on(t.authorId, t.createdAt),
    index('posts_search_idx').using('gin', t.searchVector),
    // Search takes the newest matches of a common word by walking this (issue 17, decision 025).
    index('posts_created_idx').on(t.createdAt),
  ],
);

/** Earlier versions of edited posts (moderators can read them). */
export const postRevisions = pgTable(
  'post_revisions',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    postId: uuid()
      .notNull()
      .references(() => posts.id),
    body: text().notNull(),
    cooked: text().notNull(),
    /** When this version was written. */
    writtenAt: timestamp({ withTimezone: true }).notNull(),
    replacedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('post_revisions_post_idx').on(t.postId, t.id)],
);

/** Reading state per member per thread: the number of the last post they have seen. */
export const threadReads = pgTable(
  'thread_reads',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    threadId: uuid()
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    lastReadNumber: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] })],
);

export const threadFollows = pgTable(
  'thread_follows',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    threadId: uuid()
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] }), index('thread_follows_thread_idx').on(t.threadId)],
);

export { SPACE_FOLLOW_MODES };
export type SpaceFollowMode = (typeof SPACE_FOLLOW_MODES)[number];
export const spaceFollowModeEnum = pgEnum('space_follow_mode', SPACE_FOLLOW_MODES);

export const spaceFollows = pgTable(
  'space_follows',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    spaceId: uuid()
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    mode: spaceFollowModeEnum().notNull().default('weekly'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.spaceId] }), index('space_follows_space_idx').on(t.spaceId)],
);
