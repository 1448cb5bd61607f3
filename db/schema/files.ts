import { sql } from 'drizzle-orm';
import { bigint, index, pgEnum, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './accounts';

export const FILE_PURPOSES = ['logo', 'resource'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];
export const filePurposeEnum = pgEnum('file_purpose', FILE_PURPOSES);

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
  },
  (t) => [
    index('files_sha256_idx').on(t.sha256),
    // The storage quota counts each organisation's members' resource uploads not yet attached (lib/dal/resources/quota.ts).
    index('files_uploaded_by_resource_idx')
      .on(t.uploadedBy)
      .where(sql`${t.purpose} = 'resource'`),
  ],
);
