/**
 * Malware scanning (decision 024), with no viewer (a background job queued in the transaction that stored
 * the file). A `pending` file is streamed from storage to clamd (CLAMAV_URL, lib/uploads/clamav.ts):
 * clean, it becomes downloadable; infected, it is quarantined (./quarantine.ts: hidden, bytes sealed or
 * discarded, admins told). A scanner that cannot answer throws, so the job is retried with back-off; the
 * file stays undownloadable meanwhile.
 */
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { files } from '@/db/schema';
import { config } from '@/lib/config';
import { logger } from '@/lib/logger';
import { isMissingObject, storage } from '@/lib/storage';
import { scanStream } from '@/lib/uploads/clamav';
import { isUuid } from '@/lib/dal/pagination';
import { quarantineStoredFile } from './quarantine';

export type ScanOutcome = 'clean' | 'infected' | 'skipped';

export async function scanFile(fileId: string): Promise<ScanOutcome> {
  if (!isUuid(fileId)) return 'skipped';
  const db = getDb();
  const pending = and(eq(files.id, fileId), eq(files.scanStatus, 'pending'), isNull(files.quarantinedAt));
  const [file] = await db.select({ storageKey: files.storageKey }).from(files).where(pending);
  if (!file) return 'skipped';
  const url = config().CLAMAV_URL;
  if (!url) {
    // The scanner was removed from the configuration since: the file is what any unscanned file is.
    await db.update(files).set({ scanStatus: 'not_scanned' }).where(pending);
    return 'skipped';
  }
  let body;
  try {
    body = await storage().get(file.storageKey);
  } catch (error) {
    if (isMissingObject(error)) return 'skipped'; // discarded meanwhile (never attached, or quarantined)
    throw error;
  }
  const result = await scanStream(url, body);
  if (result.clean) {
    await db.update(files).set({ scanStatus: 'clean' }).where(pending);
    return 'clean';
  }
  logger.warn({ fileId, signature: result.signature }, 'malware found in an upload');
  await quarantineStoredFile(fileId, 'malware', result.signature);
  return 'infected';
}
