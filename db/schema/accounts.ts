import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { endorsementEnum, roleEnum, secondFactorKindEnum, tokenKindEnum, userStatusEnum } from './enums';
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
    /**
     * Suspended because their organisation was deactivated (not by an admin's decision about the person):
     * reactivating the organisation restores exactly these accounts.
     */
    suspendedWithOrganisation: boolean().notNull().default(false),
    /** A temporary suspension by a moderator or admin (decision 029) ends then: the account is active again. Null: not temporary. */
    suspendedUntil: timestamp({ withTimezone: true }),
    /**
     * An application's endorsement by a focal point of its organisation (issue 15): endorsed, or declined
     * with a reason; null while it waits. `invitedBy` is the focal point whose invitation it came through.
     */
    endorsement: endorsementEnum(),
    endorsementBy: uuid(),
    endorsementAt: timestamp({ withTimezone: true }),
    endorsementReason: text(),
    invitedBy: uuid(),
    /** A new address waiting for its owner to follow the link sent to it (a 'change_email' token). */
    pendingEmail: varchar({ length: 254 }),
    /** The community guidelines version this person last accepted, and when (decision 019); null: never (accounts an admin created). */
    guidelinesVersion: integer(),
    guidelinesAcceptedAt: timestamp({ withTimezone: true }),
    /** When a focal point (or an admin) last confirmed this person still works for their organisation (yearly re-verification). */
    reverifiedAt: timestamp({ withTimezone: true }),
    // ---- directory profile (issue 3): what the member shows other members, and who may see it
    pronouns: varchar({ length: 40 }),
    /** Markdown source and its sanitized HTML ("cooked" when written; pages never parse markdown). */
    bio: text().notNull().default(''),
    bioHtml: text().notNull().default(''),
    phone: varchar({ length: 40 }),
    /** ISO 639-1 codes. */
    languages: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Slugs of expertise_areas (the controlled list). */
    expertise: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Shown in the people directory; admins see everyone either way. */
    listed: boolean().notNull().default(true),
    showEmail: boolean().notNull().default(false),
    showPhone: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * The person deleted their account (or an admin did, decision 020): the row stays, emptied, so posts and
     * resources keep a valid author, who is shown as "Former member" (an empty `name`) with no link.
     */
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('users_status_created_idx').on(t.status, t.createdAt, t.id),
    index('users_organisation_idx').on(t.organisationId),
    /** An organisation's people by status, then name (a focal point's people page, the yearly re-verification's list) or date (applications). */
    index('users_organisation_status_name_idx').on(t.organisationId, t.status, t.name, t.id),
    index('users_organisation_status_created_idx').on(t.organisationId, t.status, t.createdAt, t.id),
    index('users_created_idx').on(t.createdAt, t.id),
    index('users_name_trgm_idx').using('gin', sql`immutable_unaccent(lower(${t.name})) gin_trgm_ops`),
    /** The admin user list: keyset pagination by name, then id; and "contains" search on email. */
    index('users_name_id_idx').on(t.name, t.id),
    index('users_email_trgm_idx').using('gin', sql`${t.email} gin_trgm_ops`),
    /** The people directory: members see listed, active people by name or newest first. */
    index('users_directory_name_idx')
      .on(t.name, t.id)
      .where(sql`${t.status} = 'active' and ${t.listed}`),
    index('users_directory_joined_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.status} = 'active' and ${t.listed}`),
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
    /** A session that has passed the password but not yet the second factor (or its forced enrolment). */
    secondFactorPending: boolean().notNull().default(false),
    /** SHA-256 of the browser's device cookie: a sign-in from a browser never seen for the account is told to its owner. */
    deviceHash: varchar({ length: 64 }),
    /** The last time the person proved it was them (password or second factor): sensitive steps ask again after 10 minutes. */
    verifiedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** A WebAuthn challenge issued to this session (base64url), and until when it may be answered. */
    webauthnChallenge: varchar({ length: 128 }),
    webauthnChallengeExpiresAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId, t.lastSeenAt), index('sessions_user_device_idx').on(t.userId, t.deviceHash)],
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

/**
 * Second factors (issue 9): authenticator apps (TOTP) and security keys or passkeys (WebAuthn).
 * A TOTP secret is stored encrypted (AES-256-GCM, lib/auth/crypto.ts); `lastStep` is the last 30-second
 * step accepted, so each code works once. A WebAuthn credential keeps its public key and signature counter.
 */
export const secondFactors = pgTable(
  'second_factors',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: secondFactorKindEnum().notNull(),
    /** The name the member gave it ("YubiKey on my keyring"). */
    name: varchar({ length: 60 }).notNull(),
    totpSecret: text(),
    lastStep: bigint({ mode: 'number' }),
    /** base64url credential id and COSE public key. */
    credentialId: varchar({ length: 1400 }),
    publicKey: text(),
    counter: bigint({ mode: 'number' }),
    transports: text().array(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('second_factors_user_idx').on(t.userId, t.createdAt, t.id), uniqueIndex('second_factors_credential_idx').on(t.credentialId)],
);

/** Ten single-use recovery codes per member, stored as SHA-256 (each code carries 50 random bits). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: varchar({ length: 64 }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId, t.codeHash)],
);
