import { RESOURCE_TYPES, RESOURCE_VISIBILITIES } from '../values';
import { sql } from 'drizzle-orm';
import { bigserial, customType, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { spaces } from './discussions';
import { sectorEnum, tlpMarkingEnum } from './enums';
import { files } from './files';
import { organisations } from './organisations';

export { RESOURCE_TYPES };
export type ResourceType = (typeof RESOURCE_TYPES)[number];
export const resourceTypeEnum = pgEnum('resource_type', RESOURCE_TYPES);

export { RESOURCE_VISIBILITIES };
export type ResourceVisibility = (typeof RESOURCE_VISIBILITIES)[number];
export const resourceVisibilityEnum = pgEnum('resource_visibility', RESOURCE_VISIBILITIES);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A resource a member organisation shares: a file (with versions) or an external link. The search
 * vector covers the title, the description's plain text and the text extracted from a PDF (a job).
 */
export const resources = pgTable(
  'resources',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    contributorId: uuid()
      .notNull()
      .references(() => users.id),
    title: varchar({ length: 300 }).notNull(),
    /** Markdown source, its sanitized HTML (cooked when written) and plain text (for search). */
    description: text().notNull().default(''),
    descriptionHtml: text().notNull().default(''),
    descriptionText: text().notNull().default(''),
    type: resourceTypeEnum().notNull(),
    /** Slugs of expertise_areas (the same controlled list as members' expertise). */
    topics: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** ISO 639-1 codes of the content's languages. */
    languages: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    year: integer(),
    visibility: resourceVisibilityEnum().notNull().default('all_members'),
    /**
     * The TLP marking (decision 030): narrows the visibility, never widens it. AMBER: the contributing
     * organisation and resource_marking_orgs; AMBER+STRICT: the contributing organisation; RED: the
     * contributor and resource_marking_people. CLEAR resources shared with all members are published on
     * /publications.
     */
    marking: tlpMarkingEnum().notNull().default('green'),
    /** For visibility 'sectors'. */
    sectors: sectorEnum()
      .array()
      .notNull()
      .default(sql`'{}'::sector[]`),
    /** For visibility 'space': the space whose members (spaceAccess) may see it. */
    spaceId: uuid().references(() => spaces.id),
    /** An external link (http/https) instead of a file. */
    url: varchar({ length: 2000 }),
    /** The latest version's file (null for links). */
    currentFileId: uuid().references(() => files.id),
    versionCount: integer().notNull().default(0),
    downloadCount: integer().notNull().default(0),
    /** Text extracted from the current PDF by a background job, capped in size. */
    extractedText: text().notNull().default(''),
    search: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('simple'::regconfig, immutable_unaccent(coalesce(title, ''))), 'A') || setweight(to_tsvector('simple'::regconfig, immutable_unaccent(coalesce(description_text, ''))), 'B') || setweight(to_tsvector('simple'::regconfig, immutable_unaccent(coalesce(extracted_text, ''))), 'C')`,
    ),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
    deletedBy: uuid(),
  },
  // Keyset lists sort DESC (NULLS FIRST by default): plain ascending indexes serve them scanned backwards.
  (t) => [
    index('resources_newest_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    index('resources_downloads_idx')
      .on(t.downloadCount, t.id)
      .where(sql`${t.deletedAt} is null`),
    index('resources_organisation_idx')
      .on(t.organisationId, t.createdAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    index('resources_topics_idx').using('gin', t.topics),
    index('resources_languages_idx').using('gin', t.languages),
    index('resources_search_idx').using('gin', t.search),
    index('resources_type_idx')
      .on(t.type, t.createdAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    index('resources_year_idx')
      .on(t.year)
      .where(sql`${t.deletedAt} is null`),
    // /publications: CLEAR resources shared with all members, newest first.
    index('resources_public_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.deletedAt} is null and ${t.marking} = 'clear' and ${t.visibility} = 'all_members'`),
    index('resources_space_idx')
      .on(t.spaceId)
      .where(sql`${t.spaceId} is not null`),
  ],
);

/** The organisations (besides the contributing one) whose members may see an AMBER resource. */
export const resourceMarkingOrgs = pgTable(
  'resource_marking_orgs',
  {
    resourceId: uuid()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.organisationId] })],
);

/** The people (besides the contributor) who may see a RED resource and download its files. */
export const resourceMarkingPeople = pgTable(
  'resource_marking_people',
  {
    resourceId: uuid()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.userId] })],
);

/** Every file a resource has had; the newest is resources.current_file_id. Earlier ones stay downloadable. */
export const resourceVersions = pgTable(
  'resource_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    resourceId: uuid()
      .notNull()
      .references(() => resources.id),
    number: integer().notNull(),
    fileId: uuid()
      .notNull()
      .references(() => files.id)
      .unique(),
    note: varchar({ length: 300 }).notNull().default(''),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('resource_versions_number_idx').on(t.resourceId, t.number)],
);

/** Who downloaded a resource that is not visible to all members (the contributing organisation's focal points and admins see it). */
export const resourceDownloads = pgTable(
  'resource_downloads',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    resourceId: uuid()
      .notNull()
      .references(() => resources.id),
    fileId: uuid().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    organisationId: uuid().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resource_downloads_resource_idx').on(t.resourceId, t.at, t.id)],
);

export const HASH_ALGORITHMS = ['sha256', 'md5'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];
export const hashAlgorithmEnum = pgEnum('hash_algorithm', HASH_ALGORITHMS);

/** Hashes of files that may never be uploaded (kept by admins at /admin/blocklist). */
export const blockedHashes = pgTable(
  'blocked_hashes',
  {
    id: uuid().primaryKey().defaultRandom(),
    algorithm: hashAlgorithmEnum().notNull(),
    /** Lower-case hex. */
    hash: varchar({ length: 64 }).notNull(),
    note: varchar({ length: 300 }).notNull().default(''),
    addedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('blocked_hashes_hash_idx').on(t.algorithm, t.hash), index('blocked_hashes_created_idx').on(t.createdAt, t.id)],
);
