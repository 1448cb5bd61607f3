import { CHANNELS, PREFERENCE_KINDS } from '../values';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { posts, spaces, threads } from './discussions';
import { conversations } from './messages';
import { resources } from './resources';

/** Notifications in the portal and by email, and the preferences that decide how each kind reaches a member. */

export const NOTIFICATION_KINDS = [
  'reply',
  'mention',
  'urgent',
  'new_thread',
  'join_accepted',
  'join_declined',
  'post_hidden',
  'file_quarantined',
  'message',
  /** Someone else lowered the marking of the member's thread (decision 030). */
  'marking_lowered',
  /** Someone else (a focal point, an admin) lowered the marking of a resource the member contributed (`resourceId`). */
  'resource_marking_lowered',
  /** A formal warning to the member (decision 029); the reason is on /settings/warnings. */
  'warning',
  /** To admins: a member was suspended temporarily (`actorId` the member). */
  'member_suspended',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const notificationKindEnum = pgEnum('notification_kind', NOTIFICATION_KINDS);

/**
 * In-app notifications (rows a mailer can pick up later). `dedupeKey` makes fan-out idempotent: a job
 * that runs twice inserts nothing new.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKindEnum().notNull(),
    dedupeKey: varchar({ length: 120 }).notNull(),
    spaceId: uuid().references(() => spaces.id, { onDelete: 'cascade' }),
    threadId: uuid().references(() => threads.id, { onDelete: 'cascade' }),
    postId: uuid().references(() => posts.id, { onDelete: 'cascade' }),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** A new direct message (kind 'message'): email only, never shown on the notifications page (the inbox is its place). */
    conversationId: uuid().references(() => conversations.id, { onDelete: 'cascade' }),
    /** A notification about a resource (kind 'resource_marking_lowered'), shown only while its member sees the resource. */
    resourceId: uuid().references(() => resources.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
    /** False when the member takes this kind by email only: the row exists for the mailer, not the page. */
    inPortal: boolean().notNull().default(true),
    /** When the email about it may go (after the delay; at once for urgent alerts); null: no email. */
    emailDueAt: timestamp({ withTimezone: true }),
    emailedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_idx').on(t.userId, t.dedupeKey),
    /** The mailer's queue: notifications whose email is still to be decided. */
    index('notifications_email_due_idx')
      .on(t.emailDueAt)
      .where(sql`${t.emailedAt} is null and ${t.emailDueAt} is not null`),
    /** One thread's notifications of one member (marking read, the last email about a thread). */
    index('notifications_user_thread_idx').on(t.userId, t.threadId),
    /** A thread's notifications of one kind (how many members an urgent flag alerted). */
    index('notifications_thread_kind_idx').on(t.threadId, t.kind),
    /** Deleting a resource deletes its notifications (few rows: only those about resources). */
    index('notifications_resource_idx')
      .on(t.resourceId)
      .where(sql`${t.resourceId} is not null`),
    index('notifications_user_created_idx').on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

export { PREFERENCE_KINDS };
export type PreferenceKind = (typeof PREFERENCE_KINDS)[number];

export { CHANNELS };
export type Channel = (typeof CHANNELS)[number];

/** One row per member who changed something; a member without one has the defaults (lib/dal/notifications/preferences.ts). */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Only the kinds the member changed; the others keep their default. */
  channels: jsonb().$type<Partial<Record<PreferenceKind, Channel>>>().notNull().default({}),
  /** A short excerpt of the post in emails about open spaces (never for restricted spaces). */
  excerpts: boolean().notNull().default(false),
  /** No notification emails until then (urgent alerts included); the portal still shows them. */
  pausedUntil: timestamp({ withTimezone: true }),
  /** Daily and weekly digests of the spaces followed with one (off: none are sent). */
  digests: boolean().notNull().default(true),
  /** The hour (0–23, in the member's time zone) their digests are sent. */
  digestHour: integer().notNull().default(8),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per digest sent: its period (daily or weekly) and the period's key in the member's time zone
 * (e.g. 2026-11-30, 2026-W49). Inserted in the transaction that queues the email, so a digest is sent
 * once however many workers try.
 */
export const digestRuns = pgTable(
  'digest_runs',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    period: varchar({ length: 10 }).notNull(),
    periodKey: varchar({ length: 16 }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.period, t.periodKey] })],
);
