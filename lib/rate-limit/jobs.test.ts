import { and, eq, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { jobs, rateLimits } from '@/db/schema';
import { runDueJobs, scheduleRecurring } from '@/lib/jobs';
import '@/lib/jobs/registry';

const waiting = () =>
  getDb()
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, 'system.purgeRateLimits'), isNull(jobs.doneAt)));

describe('old rate_limits rows', () => {
  it('are purged by a job that queues its next run, one chain however often it is scheduled', async () => {
    await getDb()
      .insert(rateLimits)
      .values([
        { key: 'old-1', points: 3, expire: sql`now() - interval '2 days'` },
        { key: 'old-2', points: 1, expire: sql`now() - interval '2 hours'` },
        { key: 'current', points: 1, expire: sql`now() + interval '5 minutes'` },
        { key: 'just-ended', points: 1, expire: sql`now() - interval '1 minute'` },
      ]);
    await scheduleRecurring('system.purgeRateLimits');
    await scheduleRecurring('system.purgeRateLimits');
    expect(await waiting()).toHaveLength(1);

    expect((await runDueJobs()).ran).toBeGreaterThanOrEqual(1);
    const left = (await getDb().select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key).sort();
    expect(left).toEqual(['current', 'just-ended']);

    const next = await waiting();
    expect(next).toHaveLength(1);
    expect(next[0]!.runAt.getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });
});
