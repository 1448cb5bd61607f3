/**
 * Access: each organisation's storage quota (ORG_STORAGE_QUOTA_MB). What counts against it: the files
 * of its resources (every version, deleted resources left out), the resource files its members have
 * uploaded but not attached yet (swept after a day) and its members' direct messages' attachments
 * (decision 027; gone when the message is deleted). The figure is shown only to the organisation's
 * focal points and admins (`organisationStorage`); uploads are checked against it by `assertStorageRoom`
 * inside the transaction that writes the file's row, under a per-organisation lock.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { executeRows, getDb, type Db, type Tx } from '@/db';
import { files, resourceVersions, resources, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { config } from '@/lib/config';
import { canEditOrganisation } from '@/lib/dal/directory/access';
import { isUuid } from '@/lib/dal/pagination';

/** An upload would take the organisation past its quota (nothing of it is kept). */
export class StorageQuotaExceeded extends Error {
  constructor() {
    super('storage quota exceeded');
  }
}

export function storageQuotaBytes(): number {
  return config().ORG_STORAGE_QUOTA_MB * 1024 * 1024;
}

/** Bytes an organisation uses (no viewer: callers decide who may know). */
async function unsafeStorageUsed(db: Db | Tx, organisationId: string): Promise<number> {
  const [row] = await executeRows<{ used: string | number }>(
    db,
    sql`select
      (select coalesce(sum(f.size), 0) from ${resources} r
         join ${resourceVersions} v on v.resource_id = r.id
         join ${files} f on f.id = v.file_id
       where r.organisation_id = ${organisationId} and r.deleted_at is null)
      +
      (select coalesce(sum(f.size), 0) from ${files} f
         join ${users} u on u.id = f.uploaded_by
       where u.organisation_id = ${organisationId} and f.purpose in ('resource', 'message')
         and not exists (select 1 from ${resourceVersions} v where v.file_id = f.id)) as used`,
  );
  return Number(row?.used ?? 0);
}

/**
 * Refuses (StorageQuotaExceeded) a file of `size` bytes that would take the organisation past its quota.
 * Takes a per-organisation transaction lock first, so two uploads at once cannot both fit in the room
 * left for one; call it inside the transaction that writes the file's row.
 */
export async function assertStorageRoom(tx: Tx, organisationId: string, size: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('storage-quota'), hashtext(${organisationId}))`);
  if ((await unsafeStorageUsed(tx, organisationId)) + size > storageQuotaBytes()) throw new StorageQuotaExceeded();
}

/** Whether a file of `size` bytes still fits (a check before any byte is read; assertStorageRoom decides). */
export async function storageRoomFor(organisationId: string, size: number): Promise<boolean> {
  return (await unsafeStorageUsed(getDb(), organisationId)) + size <= storageQuotaBytes();
}

/** The organisation's use of its quota, for its own focal points and admins; null for anyone else. */
export async function organisationStorage(viewer: Viewer, unsafeOrganisationId: string): Promise<{ used: number; quota: number } | null> {
  if (!isUuid(unsafeOrganisationId) || !canEditOrganisation(viewer, unsafeOrganisationId)) return null;
  return { used: await unsafeStorageUsed(getDb(), unsafeOrganisationId), quota: storageQuotaBytes() };
}
