import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { organisationStatusEnum, sectorEnum } from './enums';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: varchar({ length: 120 }).notNull().unique(),
    name: varchar({ length: 200 }).notNull(),
    sector: sectorEnum().notNull(),
    /** ISO 3166-1 alpha-2; null only for intergovernmental organisations. */
    country: varchar({ length: 2 }),
    website: varchar({ length: 300 }),
    /** Registered email domains, lower case, used to flag applications whose address matches. */
    emailDomains: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Markdown source and its sanitized HTML, cooked when written. */
    description: text(),
    descriptionHtml: text(),
    /** A row of `files` (purpose 'logo'), served by /api/files/[id]. No foreign key: files references users, which references organisations. */
    logoFileId: uuid(),
    /** The Secretariat runs the portal; sector counts leave it out. */
    isSecretariat: boolean().notNull().default(false),
    status: organisationStatusEnum().notNull().default('active'),
    /** When and why an admin last deactivated it (offboarding); cleared on reactivation. */
    deactivatedAt: timestamp({ withTimezone: true }),
    deactivationReason: text(),
    /** The next yearly re-verification of its staff list (decision 019); set from its approval date, admins may change it. */
    reverificationDueOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_sector_name_idx').on(t.status, t.sector, t.name, t.id),
    index('organisations_name_trgm_idx').using('gin', sql`immutable_unaccent(lower(${t.name})) gin_trgm_ops`),
    /** The admin organisation list (every status): keyset pagination by name, then id. */
    index('organisations_name_id_idx').on(t.name, t.id),
    /** The directory's country and region filters. */
    index('organisations_status_country_idx').on(t.status, t.country, t.name, t.id),
    /** The re-verification job: active organisations by their next date. */
    index('organisations_reverification_idx')
      .on(t.reverificationDueOn)
      .where(sql`${t.status} = 'active'`),
  ],
);
