import { bigserial, index, jsonb, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Append-only: a trigger (migration 0002) refuses UPDATE and DELETE. Tamper-evident: each row carries the
 * hash of the row before it and its own (SHA-256 over a canonical encoding, lib/audit/chain.ts), so an
 * edit made around the trigger (by the table's owner) is found by `npm run audit:verify`. Rows written
 * before the chain existed have neither.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid(),
    action: varchar({ length: 64 }).notNull(),
    targetType: varchar({ length: 32 }),
    targetId: varchar({ length: 64 }),
    ip: varchar({ length: 64 }),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    prevHash: varchar({ length: 64 }),
    hash: varchar({ length: 64 }),
  },
  // DESC NULLS FIRST, as `order by … desc` means: drizzle's bare .desc() builds NULLS LAST, which
  // Postgres cannot walk for that order (decision 026, migration 0025).
  (t) => [
    index('audit_at_idx').on(t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('audit_actor_at_idx').on(t.actorId, t.at.desc().nullsFirst()),
    index('audit_action_at_idx').on(t.action, t.at.desc().nullsFirst()),
  ],
);
