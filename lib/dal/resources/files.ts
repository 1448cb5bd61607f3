/**
 * Access for files uploaded to the resource library before they are attached to a resource: an
 * unattached file belongs to its uploader alone (only they can attach it; nobody can download it), and
 * is discarded after a day. Attached files are served under resourceAccess (lib/dal/resources/access.ts).
 */
import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { createReadStream } from 'node:fs';
import { getDb, type Tx } from '@/db';
import { directMessageAttachments, files, resourceVersions, resources } from '@/db/schema';
import { audit } from '@/lib/audit';
import { config } from '@/lib/config';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError, ServiceUnavailableError } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs';
import { logger } from '@/lib/logger';
import type { RequestInfo } from '@/lib/request';
import { newStorageKey, storage } from '@/lib/storage';
import { isUuid } from '@/lib/dal/pagination';
import { assertStorageRoom } from './quota';

export interface StoredFile {
  id: string;
  name: string;
  size: number;
  contentType: string;
}

const DISCARD_AFTER_HOURS = 24;

/** What an uploaded file is for: the resource library, or a direct message's attachment (decision 027). */
export type UploadPurpose = 'resource' | 'message';

/**
 * Puts a checked file in storage and writes its row (`purpose`: a resource's or a message's), within the uploader's organisation's storage quota
 * (StorageQuotaExceeded otherwise, ./quota.ts). The bytes go first; if the row cannot be written (or the
 * quota refuses it) the bytes are removed again, so there is never a row without a file nor (barring a crash between the
 * two, which the discard job does not cover) a file without a row.
 */
export async function storeUploadedFile(
  viewer: Viewer,
  file: {
    path: string;
    contentType: string;
    size: number;
    sha256: string;
    md5: string;
    originalName: string;
    original: { sha256: string; md5: string };
  },
  request: RequestInfo,
  purpose: UploadPurpose = 'resource',
): Promise<StoredFile> {
  const key = newStorageKey(purpose);
  const scanner = Boolean(config().CLAMAV_URL);
  await storage()
    .put(key, createReadStream(file.path), file.contentType, file.size)
    .catch((error: unknown) => {
      logger.error({ err: error, key }, 'file storage unreachable');
      throw new ServiceUnavailableError('storage');
    });
  try {
    return await getDb().transaction(async (tx) => {
      await assertStorageRoom(tx, viewer.organisationId, file.size);
      const [row] = await tx
        .insert(files)
        .values({
          storageKey: key,
          purpose,
          contentType: file.contentType,
          size: file.size,
          sha256: file.sha256,
          md5: file.md5,
          originalName: file.originalName,
          uploadedBy: viewer.id,
          // The bytes as sent, when an image was re-encoded: the block list's re-check looks at both (decision 024).
          originalSha256: file.original.sha256,
          originalMd5: file.original.md5,
          // Not downloadable until clamd calls it clean, when a scanner is configured (./jobs: files.scan).
          scanStatus: scanner ? 'pending' : 'not_scanned',
        })
        .returning({ id: files.id });
      await audit(
        {
          action: 'file.uploaded',
          actorId: viewer.id,
          targetType: 'file',
          targetId: row!.id,
          ip: request.ip,
          details: { purpose, contentType: file.contentType, size: file.size, sha256: file.sha256, originalSha256: file.original.sha256 },
        },
        tx,
      );
      if (scanner) await enqueueJob('files.scan', { fileId: row!.id }, { tx });
      await enqueueJob('resources.discardUnattachedFile', { fileId: row!.id }, { tx, delaySeconds: DISCARD_AFTER_HOURS * 3600 });
      return { id: row!.id, name: file.originalName, size: file.size, contentType: file.contentType };
    });
  } catch (error) {
    await storage()
      .delete(key)
      .catch((err) => logger.error({ err, key }, 'could not remove the bytes of a file whose row failed'));
    throw error;
  }
}

/**
 * The viewer's own uploaded file that no resource uses yet (locked for the transaction), or NotFoundError.
 * Used when a resource or a new version is created from it.
 */
export async function claimUnattachedFile(tx: Tx, viewer: Viewer, unsafeFileId: string) {
  if (!isUuid(unsafeFileId)) throw new NotFoundError('file');
  const [row] = await tx
    .select({ id: files.id, contentType: files.contentType, originalName: files.originalName })
    .from(files)
    .leftJoin(resourceVersions, eq(resourceVersions.fileId, files.id))
    .where(and(eq(files.id, unsafeFileId), eq(files.purpose, 'resource'), eq(files.uploadedBy, viewer.id), isNull(resourceVersions.id)))
    .for('update', { of: files });
  if (!row) throw new NotFoundError('file');
  return row;
}

/** Removes an uploaded file nobody attached to a resource or a message (the row first, then the bytes). Idempotent. */
export async function discardUnattachedFile(fileId: string): Promise<boolean> {
  if (!isUuid(fileId)) return false;
  const removed = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ id: files.id, storageKey: files.storageKey })
      .from(files)
      .leftJoin(resourceVersions, eq(resourceVersions.fileId, files.id))
      .where(
        and(
          eq(files.id, fileId),
          inArray(files.purpose, ['resource', 'message']),
          isNull(resourceVersions.id),
          sql`not exists (select 1 from ${directMessageAttachments} a where a.file_id = ${files.id})`,
        ),
      )
      .for('update', { of: files });
    if (!row) return null;
    await tx.delete(files).where(eq(files.id, row.id));
    return row;
  });
  if (!removed) return false;
  await storage().delete(removed.storageKey);
  return true;
}

/** The current file of a resource when it is a PDF (for text extraction; no viewer: a background job). */
export async function unsafeCurrentPdf(resourceId: string): Promise<{ fileId: string; storageKey: string; size: number } | null> {
  if (!isUuid(resourceId)) return null;
  const [row] = await getDb()
    .select({ fileId: files.id, storageKey: files.storageKey, size: files.size })
    .from(resources)
    .innerJoin(files, eq(files.id, resources.currentFileId))
    // A quarantined file's bytes are gone (or sealed): nothing to read.
    .where(and(eq(resources.id, resourceId), isNull(resources.deletedAt), eq(files.contentType, 'application/pdf'), isNull(files.quarantinedAt)));
  return row ?? null;
}

/** Stores the text extracted from a resource's PDF, unless a newer version replaced that file meanwhile. */
export async function saveExtractedText(resourceId: string, fileId: string, text: string): Promise<void> {
  await getDb()
    .update(resources)
    .set({ extractedText: text })
    .where(and(eq(resources.id, resourceId), eq(resources.currentFileId, fileId)));
}
