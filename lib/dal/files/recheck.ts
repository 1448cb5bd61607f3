/**
 * Re-checking stored files against the block list after hashes were added (decision 024), with no viewer
 * (a background job). Every file is looked at, in batches in id order, by its stored hashes and, for a
 * re-encoded image or logo, the hashes of the bytes as uploaded; the comparison happens in SQL against
 * the block list's unique index, so no byte is read. A match is hidden at once and quarantined
 * (./quarantine.ts). Each batch queues the next, so a large store never holds one job for long.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { executeRows, getDb } from '@/db';
import { blockedHashes, files, quarantineIncidents } from '@/db/schema';
import { enqueueJob } from '@/lib/jobs';
import { quarantineStoredFile } from './quarantine';

export const RECHECK_BATCH = 500;

/** One batch after `afterId`; returns the files quarantined now and the id to continue after (null: done). */
export async function recheckBatch(afterId?: string, batch = RECHECK_BATCH): Promise<{ matched: string[]; next: string | null }> {
  const rows = await executeRows<{ id: string; matched: 'sha256' | 'md5' | null }>(
    getDb(),
    sql`
    with page as (
      select ${files.id} as id, ${files.sha256} as sha256, ${files.md5} as md5, ${files.originalSha256} as original_sha256, ${files.originalMd5} as original_md5
      from ${files}
      where ${afterId ? sql`${files.id} > ${afterId}::uuid` : sql`true`}
      order by ${files.id}
      limit ${batch})
    select page.id,
      case when exists (select 1 from ${quarantineIncidents} q where q.file_id = page.id) then null else
        (select b.algorithm from ${blockedHashes} b
          where (b.algorithm = 'sha256' and b.hash in (page.sha256, page.original_sha256))
             or (b.algorithm = 'md5' and b.hash in (page.md5, page.original_md5))
          order by b.algorithm = 'sha256' desc limit 1)
      end as matched
    from page
    order by page.id`,
  );
  const matched: string[] = [];
  for (const row of rows) {
    if (row.matched && (await quarantineStoredFile(row.id, 'blocklist', row.matched))) matched.push(row.id);
  }
  return { matched, next: rows.length === batch ? rows[rows.length - 1]!.id : null };
}

/** The job: one batch, then the next queued. */
export async function runRecheck(payload: { afterId?: string }): Promise<void> {
  const { next } = await recheckBatch(payload.afterId);
  if (next) await enqueueJob('files.recheckBlocklist', { afterId: next });
}
