import { BREAK_REMINDER_CHOICES, REPORT_TARGETS, type ReportTarget } from '../values';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { posts, reportStatusEnum, threads } from './discussions';
import { organisations } from './organisations';
import { resources } from './resources';

/** Moderation (decision 029): reports of every kind, formal warnings, the moderators' own settings. */

export { REPORT_TARGETS, BREAK_REMINDER_CHOICES };
export type { ReportTarget };
export const reportTargetEnum = pgEnum('report_target', REPORT_TARGETS);

/**
 * Reports of anything a member can see (decision 029): a post, a thread, a resource, a person's profile or
 * an organisation. `targetKind` says which; exactly the matching column is set (a check). The table keeps
 * its first name (post reports came first) so existing reports stay as they are.
 */
export const reports = pgTable(
  'post_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    targetKind: reportTargetEnum().notNull().default('post'),
    postId: uuid().references(() => posts.id),
    threadId: uuid().references(() => threads.id),
    resourceId: uuid().references(() => resources.id),
    personId: uuid().references(() => users.id),
    organisationId: uuid().references(() => organisations.id),
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
    index('post_reports_open_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.status} = 'open'`),
    /** One open report per reporter and target. */
    uniqueIndex('reports_one_open_idx')
      .on(t.reporterId, t.targetKind, sql`coalesce(${t.postId}, ${t.threadId}, ${t.resourceId}, ${t.personId}, ${t.organisationId})`)
      .where(sql`${t.status} = 'open'`),
    check(
      'reports_one_target',
      sql`num_nonnulls(${t.postId}, ${t.threadId}, ${t.resourceId}, ${t.personId}, ${t.organisationId}) = 1
        and (${t.targetKind} <> 'post' or ${t.postId} is not null)
        and (${t.targetKind} <> 'thread' or ${t.threadId} is not null)
        and (${t.targetKind} <> 'resource' or ${t.resourceId} is not null)
        and (${t.targetKind} <> 'person' or ${t.personId} is not null)
        and (${t.targetKind} <> 'organisation' or ${t.organisationId} is not null)`,
    ),
  ],
);

/** A formal warning from a moderator or admin to a member, with its reason (the member is notified and sees it). */
export const warnings = pgTable(
  'warnings',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moderatorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    reason: varchar({ length: 500 }).notNull(),
    /** The report it answers, when given from the queue. */
    reportId: uuid().references(() => reports.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('warnings_user_created_idx').on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())],
);

/** A moderator's own settings for the review queue: the break reminder (minutes; null: none). */
export const moderatorSettings = pgTable('moderator_settings', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  breakReminderMinutes: integer(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
