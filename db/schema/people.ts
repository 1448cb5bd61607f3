import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';
import { users } from './accounts';

/**
 * A focal point invites a colleague (issue 15): a single-use link sent to one address, stored as the
 * SHA-256 of its random secret, for 7 days. The invitee registers with the organisation already chosen,
 * and their application arrives endorsed by the focal point who invited them.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** Stored lower-cased: the invitee must register with this address. */
    email: varchar({ length: 254 }).notNull(),
    invitedBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: varchar({ length: 64 }).notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** When the invitee registered with it (or a newer invitation to the same address replaced it). */
    usedAt: timestamp({ withTimezone: true }),
    acceptedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('invitations_organisation_created_idx').on(t.organisationId, t.createdAt, t.id)],
);

/** A focal point proposes another member of their organisation as focal point; an admin confirms or declines. */
export const focalPointNominations = pgTable(
  'focal_point_nominations',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    nomineeId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    nominatedBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid(),
    confirmed: boolean(),
  },
  (t) => [
    /** One open nomination per person. */
    uniqueIndex('focal_point_nominations_open_idx')
      .on(t.nomineeId)
      .where(sql`${t.decidedAt} is null`),
    /** The console's list of open nominations, oldest first. */
    index('focal_point_nominations_pending_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.decidedAt} is null`),
  ],
);
