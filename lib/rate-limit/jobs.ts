import 'server-only';
import { lt, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { rateLimits } from '@/db/schema';
import { registerRecurringJob } from '@/lib/jobs';

/**
 * Old rate-limit rows (keyed on hashed emails and addresses) are purged by a job that runs every hour
 * and queues its next run (registerRecurringJob); startup makes sure one is queued. The limiter's own timer
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

registerRecurringJob('system.purgeRateLimits', PURGE_EVERY_SECONDS, purgeRateLimits);
