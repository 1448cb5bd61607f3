/**
 * Quarantine (decision 024): what happens to a block-listed or infected file, with no viewer (an upload
 * being refused, or a background job). The bytes are kept sealed (lib/storage/sealed.ts) under a
 * `quarantine/…` key or discarded, as the portal's setting says (./quarantine-setting.ts); an incident
 * row records it (it flags the uploader's account for review); the action is audited; every active admin
 * is told in the portal (a `file_quarantined` notification) and by email (the reason and a link to the
 * uploader's admin page, never the file's name or content).
 */
import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { createReadStream } from 'node:fs';
import { getDb, type Tx } from '@/db';
import { files, notifications, quarantineIncidents, type QuarantineReason } from '@/db/schema';
import { audit } from '@/lib/audit';
import { appLink, deliverSoon, queueEmail } from '@/lib/email';
import { logger } from '@/lib/logger';
import type { RequestInfo } from '@/lib/request';
import { isMissingObject, newStorageKey, storage } from '@/lib/storage';
import { sealedSize, sealStream } from '@/lib/storage/sealed';
import { isUuid } from '@/lib/dal/pagination';
import { activeAdmins } from '@/lib/dal/accounts/admins';
import { quarantineMode } from './quarantine-setting';

export interface Incident {
  reason: QuarantineReason;
  detail: string;
  fileId: string | null;
  uploadedBy: string | null;
  sha256: string;
  md5: string;
  size: number;
}

/** Keeps the bytes sealed in the quarantine area when the setting says so; returns their key, or null (discarded). */
async function preserve(open: () => AsyncIterable<Buffer | Uint8Array>, size: number): Promise<string | null> {
  if ((await quarantineMode()) !== 'keep') return null;
  const key = newStorageKey('quarantine');
  await storage().put(key, sealStream(open()), 'application/octet-stream', sealedSize(size));
  return key;
}

/** Writes the incident, its audit row, and the admins' notifications and emails, in the caller's transaction. */
async function recordIncident(
  tx: Tx,
  incident: Incident & { storageKey: string | null },
  entry: { action: 'upload.blocked' | 'file.quarantined'; ip?: string | null; details?: Record<string, unknown> },
): Promise<string> {
  const [row] = await tx.insert(quarantineIncidents).values(incident).returning({ id: quarantineIncidents.id });
  const { storageKey, ...recorded } = incident;
  await audit(
    {
      action: entry.action,
      // A refused upload is the uploader's act; a file taken back later is the portal's (the uploader is in the details).
      actorId: entry.action === 'upload.blocked' ? incident.uploadedBy : null,
      targetType: 'quarantine_incident',
      targetId: row!.id,
      ip: entry.ip ?? null,
      details: { ...recorded, kept: storageKey !== null, ...entry.details },
    },
    tx,
  );
  const admins = await activeAdmins(tx);
  if (admins.length) {
    await tx
      .insert(notifications)
      .values(
        admins.map((admin) => ({
          userId: admin.id,
          kind: 'file_quarantined' as const,
          dedupeKey: `quarantine:${row!.id}`,
          // Whose file it was: the notification names them and opens their admin page.
          actorId: incident.uploadedBy,
        })),
      )
      .onConflictDoNothing();
  }
  const link = incident.uploadedBy ? appLink(`/admin/users/${incident.uploadedBy}`) : appLink('/admin/blocklist');
  for (const admin of admins) {
    await queueEmail(
      {
        to: admin.email,
        template: 'fileQuarantined',
        locale: admin.locale,
        link,
        values: { reason: incident.reason, kept: storageKey ? 'yes' : 'no' },
      },
      tx,
    );
  }
  return row!.id;
}

/**
 * An upload whose hashes are on the block list (refused by lib/uploads/receive.ts): its bytes, as sent,
 * are preserved or discarded; recorded as `upload.blocked` with the name the uploader gave (in the audit
 * row only).
 */
export async function quarantineUpload(
  uploader: { id: string },
  attempt: { path: string; sha256: string; md5: string; size: number; fileName: string; matched: 'sha256' | 'md5' },
  request: RequestInfo,
): Promise<void> {
  // Storage down while the setting says keep: the refusal and its incident are still recorded, and say so.
  const storageKey = await preserve(() => createReadStream(attempt.path), attempt.size).catch((error: unknown) => {
    logger.error({ err: error }, 'could not preserve a block-listed upload in the quarantine');
    return undefined;
  });
  await getDb().transaction((tx) =>
    recordIncident(
      tx,
      {
        reason: 'blocklist',
        detail: attempt.matched,
        fileId: null,
        uploadedBy: uploader.id,
        sha256: attempt.sha256,
        md5: attempt.md5,
        size: attempt.size,
        storageKey: storageKey ?? null,
      },
      {
        action: 'upload.blocked',
        ip: request.ip,
        details: { fileName: attempt.fileName, ...(storageKey === undefined ? { preservationFailed: true } : {}) },
      },
    ),
  );
  deliverSoon();
}

/**
 * Takes a stored file out of circulation (a block-list match found later, or malware): hidden at once
 * (`quarantined_at`: fileAccess serves it to nobody), then its bytes preserved sealed or discarded, the
 * incident recorded, admins told. Idempotent: a job that runs again after a crash finishes the work, and
 * a file that already has its incident is left alone. Returns whether an incident was recorded now.
 */
export async function quarantineStoredFile(fileId: string, reason: QuarantineReason, detail: string): Promise<boolean> {
  if (!isUuid(fileId)) return false;
  const db = getDb();
  await db
    .update(files)
    .set({ quarantinedAt: sql`now()`, ...(reason === 'malware' ? { scanStatus: 'infected' as const } : {}) })
    .where(and(eq(files.id, fileId), isNull(files.quarantinedAt)));
  const [file] = await db
    .select({ id: files.id, storageKey: files.storageKey, size: files.size, sha256: files.sha256, md5: files.md5, uploadedBy: files.uploadedBy })
    .from(files)
    .where(and(eq(files.id, fileId), sql`not exists (select 1 from ${quarantineIncidents} where ${quarantineIncidents.fileId} = ${files.id})`));
  if (!file) return false;
  let storageKey: string | null = null;
  try {
    storageKey = await preserve(() => streamOf(file.storageKey), file.size);
  } catch (error) {
    // Bytes already gone (discarded by an earlier run that crashed before its incident): nothing left to keep.
    if (!isMissingObject(error)) throw error;
  }
  const recorded = await db.transaction(async (tx) => {
    // Under the file's row lock, so two runs cannot both record it.
    const [locked] = await tx.select({ id: files.id }).from(files).where(eq(files.id, file.id)).for('update');
    const [existing] = await tx.select({ id: quarantineIncidents.id }).from(quarantineIncidents).where(eq(quarantineIncidents.fileId, file.id));
    if (!locked || existing) return false;
    const { storageKey: _stored, ...facts } = file;
    await recordIncident(tx, { ...facts, reason, detail, fileId: file.id, storageKey }, { action: 'file.quarantined' });
    return true;
  });
  if (!recorded) {
    if (storageKey) await storage().delete(storageKey);
    return false;
  }
  await storage()
    .delete(file.storageKey)
    .catch((error: unknown) => logger.error({ err: error, fileId }, 'could not delete the bytes of a quarantined file'));
  deliverSoon();
  return true;
}

async function* streamOf(key: string): AsyncIterable<Buffer> {
  yield* (await storage().get(key)) as AsyncIterable<Buffer>;
}
