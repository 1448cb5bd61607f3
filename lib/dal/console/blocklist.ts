/**
 * Access for the hash block list: admins only read and change it (assertConsoleAccess, ./access.ts, before anything;
 * to anyone else it does not exist). `blockedBy` is the one check uploads make, for everyone; a hit is
 * quarantined (lib/dal/files/quarantine.ts: audited, admins told, the account flagged), while the
 * uploader only sees a neutral refusal. Adding hashes queues a re-check of every stored file
 * (lib/dal/files/recheck.ts).
 */
import 'server-only';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { blockedHashes, files, users } from '@/db/schema';
import type { HashAlgorithm } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { enqueueJob } from '@/lib/jobs';
import { NotFoundError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { parseHashList, type ImportReport } from '@/lib/validation/hash-list';
import { assertConsoleAccess } from './access';
import { isUuid, isoMicros, keysetPage, seekClause, timeIdKey, type Page } from '@/lib/dal/pagination';

const algorithmOf = (hash: string): HashAlgorithm => (hash.length === 64 ? 'sha256' : 'md5');

/** Which of these hashes put a file on the block list (SHA-256 first), or null. */
export async function blockedBy(digest: { sha256: string; md5: string }): Promise<HashAlgorithm | null> {
  const [hit] = await getDb()
    .select({ algorithm: blockedHashes.algorithm })
    .from(blockedHashes)
    .where(
      or(
        and(eq(blockedHashes.algorithm, 'sha256'), eq(blockedHashes.hash, digest.sha256.toLowerCase())),
        and(eq(blockedHashes.algorithm, 'md5'), eq(blockedHashes.hash, digest.md5.toLowerCase())),
      ),
    )
    .orderBy(sql`${blockedHashes.algorithm} = 'sha256' desc`)
    .limit(1);
  return hit?.algorithm ?? null;
}

/** Whether a file with these hashes is on the block list. */
export async function isBlocked(digest: { sha256: string; md5: string }): Promise<boolean> {
  return (await blockedBy(digest)) !== null;
}

export interface BlockedHashRow {
  id: string;
  algorithm: HashAlgorithm;
  hash: string;
  note: string;
  addedByName: string | null;
  createdAt: Date;
  cursorAt: string;
}

export async function listBlockedHashes(viewer: Viewer, cursor?: string): Promise<Page<BlockedHashRow>> {
  assertConsoleAccess(viewer);
  return keysetPage({
    cursor,
    key: timeIdKey,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause(
        [blockedHashes.createdAt, blockedHashes.id],
        key ? [sql`${key[0]}::timestamptz`, sql`${key[1]}::uuid`] : null,
        'desc',
        backward,
      );
      return getDb()
        .select({
          id: blockedHashes.id,
          algorithm: blockedHashes.algorithm,
          hash: blockedHashes.hash,
          note: blockedHashes.note,
          addedByName: users.name,
          createdAt: blockedHashes.createdAt,
          cursorAt: isoMicros(blockedHashes.createdAt),
        })
        .from(blockedHashes)
        .leftJoin(users, eq(users.id, blockedHashes.addedBy))
        .where(seek.where)
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
    keyOf: (row) => [row.cursorAt, row.id] as [string, string],
  });
}

export async function countBlockedHashes(viewer: Viewer): Promise<number> {
  assertConsoleAccess(viewer);
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(blockedHashes);
  return row?.n ?? 0;
}

/** Adds hashes (already validated, lower case); returns how many were new. */
async function addHashes(
  viewer: Viewer,
  hashes: string[],
  note: string,
  request: RequestInfo,
  action: 'blocklist.added' | 'blocklist.imported',
  skipped = 0,
) {
  return getDb().transaction(async (tx) => {
    let added = 0;
    for (let i = 0; i < hashes.length; i += 1000) {
      const chunk = hashes.slice(i, i + 1000);
      const rows = await tx
        .insert(blockedHashes)
        .values(chunk.map((hash) => ({ algorithm: algorithmOf(hash), hash, note, addedBy: viewer.id })))
        .onConflictDoNothing()
        .returning({ id: blockedHashes.id });
      added += rows.length;
      // Stored files with these hashes are hidden in this transaction (indexed lookups); the job below quarantines them.
      await tx
        .update(files)
        .set({ quarantinedAt: sql`now()` })
        .where(
          and(
            isNull(files.quarantinedAt),
            or(inArray(files.sha256, chunk), inArray(files.md5, chunk), inArray(files.originalSha256, chunk), inArray(files.originalMd5, chunk)),
          ),
        );
    }
    // Files stored before these hashes were listed: found and quarantined by a job (decision 024).
    if (added) await enqueueJob('files.recheckBlocklist', {}, { tx });
    await audit(
      {
        action,
        actorId: viewer.id,
        targetType: 'blocked_hash',
        ip: request.ip,
        details: action === 'blocklist.added' ? { hash: hashes[0], note } : { submitted: hashes.length, added, skipped, note },
      },
      tx,
    );
    return added;
  });
}

export async function addBlockedHash(viewer: Viewer, input: { hash: string; note: string }, request: RequestInfo): Promise<boolean> {
  assertConsoleAccess(viewer);
  return (await addHashes(viewer, [input.hash], input.note, request, 'blocklist.added')) === 1;
}

const IMPORT_REPORT_LINES = 100;

export async function importBlockedHashes(viewer: Viewer, input: { hashes: string; note: string }, request: RequestInfo): Promise<ImportReport> {
  assertConsoleAccess(viewer);
  const { hashes, skipped } = parseHashList(input.hashes);
  const added = hashes.length ? await addHashes(viewer, hashes, input.note, request, 'blocklist.imported', skipped.length) : 0;
  return { added, alreadyListed: hashes.length - added, skipped: skipped.slice(0, IMPORT_REPORT_LINES), skippedCount: skipped.length };
}

export async function removeBlockedHash(viewer: Viewer, id: string, request: RequestInfo): Promise<void> {
  assertConsoleAccess(viewer);
  if (!isUuid(id)) throw new NotFoundError('blocked hash');
  await getDb().transaction(async (tx) => {
    const [removed] = await tx
      .delete(blockedHashes)
      .where(inArray(blockedHashes.id, [id]))
      .returning();
    if (!removed) throw new NotFoundError('blocked hash');
    await audit(
      {
        action: 'blocklist.removed',
        actorId: viewer.id,
        targetType: 'blocked_hash',
        targetId: id,
        ip: request.ip,
        details: { algorithm: removed.algorithm, hash: removed.hash },
      },
      tx,
    );
  });
}
