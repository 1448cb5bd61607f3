import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { roleEnum, tokenKindEnum, userStatusEnum } from './enums';
import { organisations } from './organisations';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-cased; unique. */
    email: varchar({ length: 254 }).notNull().unique(),
    name: varchar({ length: 120 }).notNull(),
    jobTitle: varchar({ length: 120 }).notNull(),
    passwordHash: text().notNull(),
    role: roleEnum().notNull().default('member'),
    isFocalPoint: boolean().notNull().default(false),
    status: userStatusEnum().notNull().default('unverified'),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** Why the applicant wants to join (shown to the admin who approves). */
    reason: text().notNull().default(''),
    decisionReason: text(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid(),
    locale: varchar({ length: 10 }).notNull().default('en'),
    timeZone: varchar({ length: 64 }).notNull().default('UTC'),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    // ---- directory profile (issue 3): what the member shows other members, and who may see it
    pronouns: varchar({ length: 40 }),
    /** Markdown source and its sanitized HTML ("cooked" when written; pages never parse markdown). */
    bio: text().notNull().default(''),
    bioHtml: text().notNull().default(''),
    phone: varchar({ length: 40 }),
    /** ISO 639-1 codes. */
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    /** Slugs of expertise_areas (the controlled list). */
    expertise: text().array().notNull().default(sql`'{}'::text[]`),
    /** Shown in the people directory; admins see everyone either way. */
    listed: boolean().notNull().default(true),
    showEmail: boolean().notNull().default(false),
    showPhone: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('users_status_created_idx').on(t.status, t.createdAt, t.id),
    index('users_organisation_idx').on(t.organisationId),
    index('users_created_idx').on(t.createdAt, t.id),
    index('users_name_trgm_idx').using('gin', sql`immutable_unaccent(lower(${t.name})) gin_trgm_ops`),
    /** The admin user list: keyset pagination by name, then id; and "contains" search on email. */
    index('users_name_id_idx').on(t.name, t.id),
    index('users_email_trgm_idx').using('gin', sql`${t.email} gin_trgm_ops`),
    /** The people directory: members see listed, active people by name or newest first. */
    index('users_directory_name_idx').on(t.name, t.id).where(sql`${t.status} = 'active' and ${t.listed}`),
    index('users_directory_joined_idx').on(t.createdAt, t.id).where(sql`${t.status} = 'active' and ${t.listed}`),
    index('users_expertise_idx').using('gin', t.expertise),
    index('users_languages_idx').using('gin', t.languages),
  ],
);

/**
 * Sessions: the JWT cookie carries only a random id; its SHA-256 is the key here.
 * Checked on every request (idle and absolute limits, revocation, account status).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: varchar({ length: 64 }).primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    ip: varchar({ length: 64 }),
    userAgent: varchar({ length: 400 }),
    /** Room for a later second factor: a session that has passed the password but not yet the second step. */
    secondFactorPending: boolean().notNull().default(false),
  },
  (t) => [index('sessions_user_idx').on(t.userId, t.lastSeenAt)],
);

/** Single-use emailed tokens, stored hashed. */
export const tokens = pgTable(
  'tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: tokenKindEnum().notNull(),
    tokenHash: varchar({ length: 64 }).notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tokens_user_kind_idx').on(t.userId, t.kind)],
);
