import 'server-only';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { jobs, rateLimits } from '@/db/schema';
import { enqueueJob, registerJob } from '@/lib/jobs';

/**
 * Old rate-limit rows (keyed on hashed emails and addresses) are purged by a job that runs every hour
 * and queues its next run; startup makes sure one is queued (lib/startup.ts). The limiter's own timer
 * is off (`clearExpiredByTimeout: false`: it would run in every instance).
 */
export const PURGE_EVERY_SECONDS = 3600;

/** Deletes rows whose window ended more than an hour ago; returns how many. */
export async function purgeRateLimits(): Promise<number> {
  const gone = await getDb()
    .delete(rateLimits)
    .where(lt(rateLimits.expire, sql`now() - interval '1 hour'`))
    .returning({ key: rateLimits.key });
  return gone.length;
}

/** Queues the purge unless a run is already waiting (one chain of runs, whatever the number of instances). */
export async function schedulePurgeRateLimits(delaySeconds = 0): Promise<void> {
  const [waiting] = await getDb()
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, 'system.purgeRateLimits'), isNull(jobs.doneAt)))
    .limit(1);
  if (!waiting) await enqueueJob('system.purgeRateLimits', {}, { delaySeconds });
}

registerJob('system.purgeRateLimits', async () => {
  await purgeRateLimits();
  // This run is still "not done" while it runs: queue the next one directly.
  await enqueueJob('system.purgeRateLimits', {}, { delaySeconds: PURGE_EVERY_SECONDS });
});
