import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';

/**
 * Yearly re-verification (decision 019): one round per organisation and due date. A round opens 30 days
 * before `due_on` (the first reminder), reminds again 7 days before, and closes after the grace period:
 * people of the organisation not confirmed since the round opened (`users.reverified_at`) are suspended.
 */
export const reverificationRounds = pgTable(
  'reverification_rounds',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    dueOn: date({ mode: 'string' }).notNull(),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The 7-day reminder went out (the 30-day one goes out when the round opens). */
    remindedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    /** How many people the close suspended. */
    suspendedCount: integer(),
  },
  (t) => [
    uniqueIndex('reverification_rounds_org_due_idx').on(t.organisationId, t.dueOn),
    index('reverification_rounds_open_idx')
      .on(t.dueOn, t.id)
      .where(sql`${t.closedAt} is null`),
  ],
);
