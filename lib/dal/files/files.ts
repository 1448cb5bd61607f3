/**
 * Stored files: serving them (under fileAccess, ./access.ts) and organisation logos.
 *
 * Logos: uploaded by the organisation's focal points and admins (`logoTarget`, checked BEFORE the bytes
 * are read), received, checked and re-encoded by lib/uploads/logo.ts, stored here under a server-made key.
 */
import 'server-only';
import type { Readable } from 'node:stream';
import { and, eq, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { files, organisations, type FilePurpose } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError, ServiceUnavailableError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import type { RequestInfo } from '@/lib/request';
import { isMissingObject, newStorageKey, storage } from '@/lib/storage';
import { EXTENSION_OF_TYPE } from '@/lib/uploads/types';
import { canEditOrganisation, organisationAccess } from '@/lib/dal/directory/access';
import { fileAccess, fileInCirculation } from './access';
import { publicationFileAccess } from '@/lib/dal/resources/access';
import { isUuid } from '@/lib/dal/pagination';

/** How a file of each purpose is sent: images inline (may be cached privately), everything else as a download. */
export const FILE_SERVING: Record<FilePurpose, { disposition: 'inline' | 'attachment'; cacheControl: string }> = {
  logo: { disposition: 'inline', cacheControl: 'private, max-age=3600' },
  resource: { disposition: 'attachment', cacheControl: 'private, no-store' },
  message: { disposition: 'attachment', cacheControl: 'private, no-store' },
};

export interface ServedFile {
  id: string;
  purpose: FilePurpose;
  contentType: string;
  size: number;
  /** A safe name for Content-Disposition (ASCII letters, digits, dots, dashes). */
  downloadName: string;
  sha256: string;
  body: Readable;
}

const EXTENSIONS: Record<string, string> = { 'image/webp': 'webp', 'image/png': 'png', 'image/jpeg': 'jpg', ...EXTENSION_OF_TYPE };

function safeName(original: string, contentType: string, purpose: FilePurpose): string {
  const ext = EXTENSIONS[contentType] ?? 'bin';
  const stem = original
    .normalize('NFKD')
    .replace(/\.[^.]*$/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 80);
  return `${stem || purpose}.${ext}`;
}

/** A file the viewer may download, with its bytes; NotFoundError otherwise. */
export async function openVisibleFile(viewer: Viewer, id: string): Promise<ServedFile> {
  return openFileWhere(id, fileAccess(viewer));
}

/**
 * A file of a resource published on /publications (CLEAR, shared with all members: publicationFileAccess,
 * lib/dal/resources/access.ts), in circulation, for anyone; NotFoundError otherwise.
 */
export async function openPublishedFile(id: string): Promise<ServedFile> {
  return openFileWhere(id, and(fileInCirculation(), eq(files.purpose, 'resource'), publicationFileAccess())!);
}

async function openFileWhere(id: string, access: SQL): Promise<ServedFile> {
  if (!isUuid(id)) throw new NotFoundError('file');
  const [row] = await getDb()
    .select({
      id: files.id,
      purpose: files.purpose,
      contentType: files.contentType,
      size: files.size,
      sha256: files.sha256,
      originalName: files.originalName,
      storageKey: files.storageKey,
    })
    .from(files)
    .where(and(eq(files.id, id), access))
    .limit(1);
  if (!row) throw new NotFoundError('file');
  const body = await storage()
    .get(row.storageKey)
    .catch((error: unknown) => {
      if (!isMissingObject(error)) {
        logger.error({ err: error, fileId: row.id }, 'file storage unreachable');
        throw new ServiceUnavailableError('storage');
      }
      logger.error({ err: error, fileId: row.id }, 'stored file missing');
      throw new NotFoundError('file');
    });
  return { ...row, downloadName: safeName(row.originalName, row.contentType, row.purpose), body };
}

/** An organisation whose logo the viewer may replace (from `logoTarget`). */
export interface LogoTarget {
  id: string;
  logoFileId: string | null;
}

/**
 * The organisation whose logo the viewer may replace: its own focal points and admins, an organisation
 * they can see. Checked BEFORE any byte of the upload is read; NotFoundError otherwise.
 */
export async function logoTarget(viewer: Viewer, unsafeOrganisationId: string): Promise<LogoTarget> {
  if (!isUuid(unsafeOrganisationId) || !canEditOrganisation(viewer, unsafeOrganisationId)) throw new NotFoundError('organisation');
  const [organisation] = await getDb()
    .select({ id: organisations.id, logoFileId: organisations.logoFileId })
    .from(organisations)
    .where(and(eq(organisations.id, unsafeOrganisationId), organisationAccess(viewer)))
    .limit(1);
  if (!organisation) throw new NotFoundError('organisation');
  return organisation;
}

/**
 * Stores a checked, re-encoded logo (lib/uploads/logo.ts) and makes it the organisation's, audited; the
 * replaced logo is removed. A failure leaves nothing stored and nothing changed.
 */
export async function storeOrganisationLogo(
  viewer: Viewer,
  organisation: LogoTarget,
  logo: { bytes: Buffer; sha256: string; md5: string; name: string; from: string; original: { sha256: string; md5: string } },
  request: RequestInfo,
): Promise<{ fileId: string }> {
  const encoded = logo.bytes;
  const key = newStorageKey('logo');
  await storage().put(key, encoded, 'image/webp', encoded.length);
  try {
    const fileId = await getDb().transaction(async (tx) => {
      const [file] = await tx
        .insert(files)
        .values({
          storageKey: key,
          purpose: 'logo',
          contentType: 'image/webp',
          size: encoded.length,
          sha256: logo.sha256,
          md5: logo.md5,
          originalName: logo.name.slice(0, 255) || 'logo',
          uploadedBy: viewer.id,
          // The image as sent, before re-encoding: the block list's re-check looks at both (decision 024).
          originalSha256: logo.original.sha256,
          originalMd5: logo.original.md5,
        })
        .returning({ id: files.id });
      await tx.update(organisations).set({ logoFileId: file!.id, updatedAt: new Date() }).where(eq(organisations.id, organisation.id));
      await audit(
        {
          action: 'organisation.logo_updated',
          actorId: viewer.id,
          targetType: 'organisation',
          targetId: organisation.id,
          ip: request.ip,
          details: { fileId: file!.id, size: encoded.length, from: logo.from, originalSha256: logo.original.sha256 },
        },
        tx,
      );
      return file!.id;
    });
    if (organisation.logoFileId) await removeFile(organisation.logoFileId);
    return { fileId };
  } catch (error) {
    await storage()
      .delete(key)
      .catch(() => undefined);
    throw error;
  }
}

/** Deletes a replaced file's row and bytes (best effort for the bytes: a leftover object is harmless). */
async function removeFile(id: string): Promise<void> {
  const [row] = await getDb().delete(files).where(eq(files.id, id)).returning({ storageKey: files.storageKey });
  if (row)
    await storage()
      .delete(row.storageKey)
      .catch((error: unknown) => logger.warn({ err: error, fileId: id }, 'could not delete replaced file'));
}
