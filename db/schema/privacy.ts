import { sql } from 'drizzle-orm';
import { bigint, index, pgEnum, pgTable, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './accounts';

export const EXPORT_STATUSES = ['queued', 'building', 'ready', 'expired', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
export const exportStatusEnum = pgEnum('export_status', EXPORT_STATUSES);

/**
 * A member's copy of their own data (GDPR articles 15 and 20, decision 020): a zip built by a job into the
 * storage layer under a server-made key, offered for 24 hours, then deleted by another job.
 */
export const dataExports = pgTable(
  'data_exports',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: exportStatusEnum().notNull().default('queued'),
    storageKey: varchar({ length: 200 }),
    size: bigint({ mode: 'number' }),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }),
    downloadedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('data_exports_user_idx').on(t.userId, t.requestedAt),
    /** One export waiting or being built per member at a time. */
    uniqueIndex('data_exports_one_pending_idx')
      .on(t.userId)
      .where(sql`${t.status} in ('queued', 'building')`),
  ],
);
