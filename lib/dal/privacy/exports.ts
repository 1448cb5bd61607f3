/**
 * ACCESS RULES for data exports (decision 020): a member sees, requests and downloads only their own
 * exports (`ownExport`, `userId = viewer.id`, in every query of this file). Nobody else — admins
 * included — can read one: an export holds a person's whole record.
 */
import 'server-only';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { dataExports, users, type ExportStatus } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { isUuid } from '@/lib/dal/pagination';
import { appLink, queueEmail } from '@/lib/email';
import { NotFoundError, UserError } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs';
import type { RequestInfo } from '@/lib/request';
import { newStorageKey, storage } from '@/lib/storage';
import { writeExportZip } from './export-builder';

/** How long a built export may be downloaded. */
export const EXPORT_TTL_SECONDS = 24 * 3600;

/** The viewer's own exports. */
function ownExport(viewer: Viewer): SQL {
  return eq(dataExports.userId, viewer.id);
}

export interface ExportView {
  id: string;
  status: ExportStatus;
  requestedAt: Date;
  expiresAt: Date | null;
  size: number | null;
}

/** The viewer's latest export (a ready one whose time is up reads as expired), or null. */
export async function latestOwnExport(viewer: Viewer): Promise<ExportView | null> {
  const [row] = await getDb()
    .select({
      id: dataExports.id,
      status: dataExports.status,
      requestedAt: dataExports.requestedAt,
      expiresAt: dataExports.expiresAt,
      size: dataExports.size,
    })
    .from(dataExports)
    .where(ownExport(viewer))
    .orderBy(desc(dataExports.requestedAt))
    .limit(1);
  if (!row) return null;
  const expired = row.status === 'ready' && row.expiresAt !== null && row.expiresAt <= new Date();
  return expired ? { ...row, status: 'expired' } : row;
}

/** Queues a new export; refused while one is waiting or being built (one at a time). */
export async function requestExport(viewer: Viewer, request: RequestInfo): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [created] = await tx
      .insert(dataExports)
      .values({ userId: viewer.id })
      .onConflictDoNothing({ target: dataExports.userId, where: sql`${dataExports.status} in ('queued', 'building')` })
      .returning({ id: dataExports.id });
    if (!created) throw new UserError('privacy.export.alreadyPending');
    await enqueueJob('privacy.buildExport', { exportId: created.id }, { tx });
    await audit({ actorId: viewer.id, action: 'account.export_requested', targetType: 'data_export', targetId: created.id, ip: request.ip }, tx);
  });
}

/** The job: builds the zip into storage, marks it ready for 24 h, queues its deletion and emails its owner. */
export async function buildExport(exportId: string): Promise<void> {
  const db = getDb();
  const [claimed] = await db
    .update(dataExports)
    .set({ status: 'building' })
    .where(and(eq(dataExports.id, exportId), sql`${dataExports.status} in ('queued', 'building')`))
    .returning({ userId: dataExports.userId });
  if (!claimed) return; // already built, or the account was deleted meanwhile
  const dir = await mkdtemp(path.join(tmpdir(), 'pp-export-'));
  try {
    const file = path.join(dir, 'export.zip');
    await writeExportZip(claimed.userId, file);
    const { size } = await stat(file);
    const key = newStorageKey('exports');
    await storage().put(key, createReadStream(file), 'application/zip', size);
    await db.transaction(async (tx) => {
      const [ready] = await tx
        .update(dataExports)
        .set({ status: 'ready', storageKey: key, size, readyAt: new Date(), expiresAt: sql`now() + make_interval(secs => ${EXPORT_TTL_SECONDS})` })
        .where(and(eq(dataExports.id, exportId), eq(dataExports.status, 'building')))
        .returning({ id: dataExports.id });
      if (!ready) return;
      await enqueueJob('privacy.expireExport', { exportId }, { tx, delaySeconds: EXPORT_TTL_SECONDS });
      const [owner] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, claimed.userId));
      if (owner) await queueEmail({ to: owner.email, template: 'exportReady', locale: owner.locale, link: appLink('/settings/data') }, tx);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Deletes an export's file once its time is up (the row stays, as "expired", for the page). */
export async function expireExport(exportId: string): Promise<void> {
  const due = and(eq(dataExports.id, exportId), eq(dataExports.status, 'ready'), lt(dataExports.expiresAt, sql`now() + interval '1 minute'`));
  const [row] = await getDb().select({ key: dataExports.storageKey }).from(dataExports).where(due);
  if (!row) return;
  if (row.key) await storage().delete(row.key); // first the file: a retry finds the row still 'ready'
  await getDb().update(dataExports).set({ status: 'expired', storageKey: null }).where(due);
}

/** Expires every export whose time is up (the daily sweep, behind each export's own job); returns how many. */
export async function expireDueExports(): Promise<number> {
  const due = await getDb()
    .select({ id: dataExports.id })
    .from(dataExports)
    .where(and(eq(dataExports.status, 'ready'), lt(dataExports.expiresAt, sql`now()`)));
  for (const row of due) await expireExport(row.id);
  return due.length;
}

/** Opens the viewer's own ready export for download (audited); NotFoundError for anything else. */
export async function openOwnExport(
  viewer: Viewer,
  exportId: string,
  request: RequestInfo,
): Promise<{ body: Readable; size: number; readyAt: Date }> {
  if (!isUuid(exportId)) throw new NotFoundError('export');
  const [row] = await getDb()
    .select({ key: dataExports.storageKey, size: dataExports.size, readyAt: dataExports.readyAt })
    .from(dataExports)
    .where(and(ownExport(viewer), eq(dataExports.id, exportId), eq(dataExports.status, 'ready'), sql`${dataExports.expiresAt} > now()`));
  if (!row?.key || row.size === null || !row.readyAt) throw new NotFoundError('export');
  const body = await storage().get(row.key);
  await getDb().transaction(async (tx) => {
    await tx.update(dataExports).set({ downloadedAt: new Date() }).where(eq(dataExports.id, exportId));
    await audit({ actorId: viewer.id, action: 'account.export_downloaded', targetType: 'data_export', targetId: exportId, ip: request.ip }, tx);
  });
  return { body, size: row.size, readyAt: row.readyAt };
}
