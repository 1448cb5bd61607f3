import 'server-only';
import { createHash } from 'node:crypto';
import { asc, desc, gt, isNotNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { auditLog } from '@/db/schema';

/**
 * The audit log as a hash chain: each row's `hash` is SHA-256 over the previous row's hash and a
 * canonical encoding of the row (fixed field order, object keys sorted, ISO time), so changing, removing
 * or reordering a row breaks every link after it. Rows are chained in id order under one transaction
 * advisory lock, so concurrent writers (any instance) never fork the chain.
 */
export const GENESIS = '0'.repeat(64);
/** Any fixed number: every writer of the audit log takes this lock for the rest of its transaction. */
export const AUDIT_CHAIN_LOCK = 7_240_017;

export interface ChainedFields {
  at: Date;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function chainHash(prevHash: string, row: ChainedFields): string {
  const encoded = canonicalJson([prevHash, row.at.toISOString(), row.actorId, row.action, row.targetType, row.targetId, row.ip, row.details]);
  return createHash('sha256').update(encoded).digest('hex');
}

/** The hash the next row links to, taking the chain's lock for the rest of the transaction `tx`. */
export async function lockChainHead(tx: Tx): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [head] = await tx.select({ hash: auditLog.hash }).from(auditLog).where(isNotNull(auditLog.hash)).orderBy(desc(auditLog.id)).limit(1);
  return head?.hash ?? GENESIS;
}

export type ChainReport =
  | { ok: true; rows: number; unchained: number }
  | { ok: false; rows: number; unchained: number; brokenAt: number; reason: 'hash' | 'link' | 'missing' };

/** Where a walk of the chain ended: the last row read, its hash, and the counts so far. */
export interface ChainCheckpoint {
  id: number;
  hash: string | null;
  rows: number;
  unchained: number;
}

/**
 * Walks the chain in id order (keyset batches) and names the first row whose hash does not match its
 * content ("hash"), whose link does not match the row before ("link": a row was removed, inserted or
 * reordered), or which has no hash after the chain began ("missing"). Rows from before the chain
 * (no hash, at the start) are counted as unchained. From `from` (a checkpoint of an earlier walk) it
 * reads only the rows written since.
 */
export async function walkAuditChain(from?: ChainCheckpoint, batch = 1000): Promise<{ report: ChainReport; last: ChainCheckpoint }> {
  const db = getDb();
  let after = from?.id ?? 0;
  let previous: string | null = from?.hash ?? null;
  let rows = from?.rows ?? 0;
  let unchained = from?.unchained ?? 0;
  const end = (report: ChainReport) => ({ report, last: { id: after, hash: previous, rows, unchained } });
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.id, after)).orderBy(asc(auditLog.id)).limit(batch);
    for (const row of page) {
      rows++;
      const id = Number(row.id);
      if (!row.hash) {
        if (previous === null) {
          unchained++;
          after = id;
          continue;
        }
        return end({ ok: false, rows, unchained, brokenAt: id, reason: 'missing' });
      }
      if ((row.prevHash ?? '') !== (previous ?? GENESIS)) return end({ ok: false, rows, unchained, brokenAt: id, reason: 'link' });
      if (chainHash(row.prevHash!, row) !== row.hash) return end({ ok: false, rows, unchained, brokenAt: id, reason: 'hash' });
      previous = row.hash;
      after = id;
    }
    if (page.length < batch) return end({ ok: true, rows, unchained });
  }
}

/** The whole chain, from its first row (npm run audit:verify, the hourly check). */
export async function verifyAuditChain(batch = 1000): Promise<ChainReport> {
  return (await walkAuditChain(undefined, batch)).report;
}
