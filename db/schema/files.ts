import { sql } from 'drizzle-orm';
import { bigint, index, pgEnum, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './accounts';

export const FILE_PURPOSES = ['logo', 'resource', 'message'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];
export const filePurposeEnum = pgEnum('file_purpose', FILE_PURPOSES);

/**
 * A file's malware scan (decision 024): `not_scanned` when no scanner was configured at upload (admins
 * see it on the resource page); `pending` until the scan job ran (not downloadable); then `clean` or
 * `infected` (quarantined, never downloadable).
 */
export const SCAN_STATUSES = ['not_scanned', 'pending', 'clean', 'infected'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];
export const scanStatusEnum = pgEnum('file_scan_status', SCAN_STATUSES);

/** Why bytes were taken out of circulation: a block-listed hash, or malware found by the scanner. */
export const QUARANTINE_REASONS = ['blocklist', 'malware'] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];
export const quarantineReasonEnum = pgEnum('quarantine_reason', QUARANTINE_REASONS);

/**
 * Stored files. The storage key is made by the server; the uploader's file name is kept only as
 * metadata. Served only through /api/files/[id], which re-checks visibility on every request.
 */
export const files = pgTable(
  'files',
  {
    id: uuid().primaryKey().defaultRandom(),
    storageKey: varchar({ length: 200 }).notNull().unique(),
    purpose: filePurposeEnum().notNull(),
    contentType: varchar({ length: 120 }).notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    sha256: varchar({ length: 64 }).notNull(),
    md5: varchar({ length: 32 }).notNull(),
    originalName: varchar({ length: 255 }).notNull(),
    uploadedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The hashes of the bytes as uploaded, when they were re-encoded (images, logos); the block list is checked on both. */
    originalSha256: varchar({ length: 64 }),
    originalMd5: varchar({ length: 32 }),
    scanStatus: scanStatusEnum().notNull().default('not_scanned'),
    /** Taken out of circulation (block list or malware): never served again, to anyone. */
    quarantinedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('files_sha256_idx').on(t.sha256),
    // Adding hashes to the block list hides matching files at once (lib/dal/console/blocklist.ts): by every hash kept.
    index('files_md5_idx').on(t.md5),
    index('files_original_sha256_idx')
      .on(t.originalSha256)
      .where(sql`${t.originalSha256} is not null`),
    index('files_original_md5_idx')
      .on(t.originalMd5)
      .where(sql`${t.originalMd5} is not null`),
    // The storage quota counts each organisation's members' resource uploads not yet attached (lib/dal/resources/quota.ts).
    index('files_uploaded_by_resource_idx')
      .on(t.uploadedBy)
      .where(sql`${t.purpose} = 'resource'`),
    // Direct messages' attachments count against the same quota (decision 027): every file by its uploader.
    index('files_uploaded_by_idx').on(t.uploadedBy),
  ],
);

/**
 * Every block-listed or infected file the portal refused or took back (decision 024): what it was (hashes,
 * size, never its content), who uploaded it, and where its encrypted bytes are kept when the portal's
 * setting is to preserve them (`storageKey`; null: discarded). An incident not yet reviewed flags the
 * uploader's account on the admin's member page.
 */
export const quarantineIncidents = pgTable(
  'quarantine_incidents',
  {
    id: uuid().primaryKey().defaultRandom(),
    reason: quarantineReasonEnum().notNull(),
    /** The scanner's signature name (malware), or the algorithm that matched (block list). */
    detail: varchar({ length: 200 }).notNull().default(''),
    fileId: uuid().references(() => files.id, { onDelete: 'set null' }),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    sha256: varchar({ length: 64 }).notNull(),
    md5: varchar({ length: 32 }).notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    /** The AES-256-GCM sealed bytes in the storage backend (`quarantine/…`); null when they were discarded. */
    storageKey: varchar({ length: 200 }).unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('quarantine_incidents_uploader_idx').on(t.uploadedBy, t.createdAt)],
);
