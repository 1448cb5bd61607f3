import { integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * The community guidelines, one row per published version (decision 019). The newest is in force: every
 * member whose `users.guidelines_version` is older accepts it before reaching anything else. Markdown
 * cooked and sanitised when published, like posts. No foreign key to users: the seeded first version has
 * no publisher, and a publisher's account may go.
 */
export const guidelinesVersions = pgTable('guidelines_versions', {
  /** 1, 2, 3…: the list pages by it (its primary key). */
  version: integer().primaryKey(),
  /** ISO 639-1: the language the text is written in (shown as `lang`). */
  language: varchar({ length: 10 }).notNull().default('en'),
  markdown: text().notNull(),
  html: text().notNull(),
  /** What changed since the version before, shown to members at acceptance. */
  changeSummary: text().notNull(),
  publishedBy: uuid(),
  publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
