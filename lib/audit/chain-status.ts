import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditLog, portalSettings } from '@/db/schema';
import { registerRecurringJob } from '@/lib/jobs';
import { logger } from '@/lib/logger';
import { walkAuditChain, type ChainCheckpoint, type ChainReport } from './chain';

/**
 * What the console's audit page says about the chain, without reading the whole log on every visit
 * (authorization failures alone add rows all day). A job walks the whole chain every hour and keeps
 * its report and where it ended (`portal_settings` key `audit_chain`); a visit checks that the row it
 * ended on still has its hash, then walks only the rows written since. An edit of an older row is
 * found by the next hourly walk (and by `npm run audit:verify` at any time); the page says when that was.
 */
const SETTING = 'audit_chain';
export const AUDIT_CHAIN_CHECK_EVERY_SECONDS = 3600;

interface Stored {
  report: ChainReport;
  last: ChainCheckpoint;
  checkedAt: string;
}

export type ChainStatus = ChainReport & { fullCheckAt: Date };

/** Walks the whole chain and keeps the report; logs an error when it does not verify. */
export async function checkAuditChainFully(): Promise<ChainStatus> {
  const { report, last } = await walkAuditChain();
  const stored: Stored = { report, last, checkedAt: new Date().toISOString() };
  await getDb()
    .insert(portalSettings)
    .values({ key: SETTING, value: stored })
    .onConflictDoUpdate({ target: portalSettings.key, set: { value: stored, updatedAt: sql`now()` } });
  if (!report.ok) logger.error({ brokenAt: report.brokenAt, reason: report.reason }, 'the audit chain does not verify');
  return { ...report, fullCheckAt: new Date(stored.checkedAt) };
}

/** The chain's state now: the last full walk, plus the rows written since it (no viewer: callers decide who may know). */
export async function currentAuditChainStatus(): Promise<ChainStatus> {
  const [row] = await getDb().select({ value: portalSettings.value }).from(portalSettings).where(eq(portalSettings.key, SETTING)).limit(1);
  const stored = row?.value as Stored | undefined;
  if (!stored) return checkAuditChainFully();
  const fullCheckAt = new Date(stored.checkedAt);
  if (!stored.report.ok) return { ...stored.report, fullCheckAt };
  const { last } = stored;
  if (last.hash !== null) {
    const [anchor] = await getDb().select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.id, last.id)).limit(1);
    if (anchor?.hash !== last.hash) {
      return { ok: false, rows: last.rows, unchained: last.unchained, brokenAt: last.id, reason: anchor ? 'hash' : 'link', fullCheckAt };
    }
  }
  return { ...(await walkAuditChain(last)).report, fullCheckAt };
}

registerRecurringJob('audit.verifyChain', AUDIT_CHAIN_CHECK_EVERY_SECONDS, checkAuditChainFully);
