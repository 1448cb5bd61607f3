import { and, eq, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { jobs } from '@/db/schema';
import { JOB_MAX_ATTEMPTS, runDueJobs, scheduleRecurring, scheduleRecurringJobs } from '@/lib/jobs';
import '@/lib/jobs/registry';

const waiting = (kind: string) =>
  getDb()
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, kind), isNull(jobs.doneAt)));

describe('clock jobs', () => {
  it('keep one chain when several instances start at once, and every registered clock gets one', async () => {
    await Promise.all([scheduleRecurringJobs(), scheduleRecurringJobs(), scheduleRecurringJobs()]);
    for (const kind of ['notifications.digests', 'organisations.reverification', 'privacy.sweep', 'system.purgeRateLimits', 'audit.verifyChain']) {
      expect(await waiting(kind), kind).toHaveLength(1);
    }
  });

  it('start again when the last run gave up, and each run queues the next', async () => {
    await scheduleRecurring('system.purgeRateLimits');
    // The run failed every time: it is left alone, never done.
    await getDb().update(jobs).set({ attempts: JOB_MAX_ATTEMPTS, lastError: 'gave up' }).where(eq(jobs.kind, 'system.purgeRateLimits'));
    await scheduleRecurring('system.purgeRateLimits');
    const fresh = (await waiting('system.purgeRateLimits')).filter((j) => j.attempts === 0);
    expect(fresh).toHaveLength(1);

    await getDb().execute(sql`update jobs set run_at = now() - interval '1 second' where id = ${fresh[0]!.id}`);
    expect((await runDueJobs()).ran).toBeGreaterThanOrEqual(1);
    const next = (await waiting('system.purgeRateLimits')).filter((j) => j.attempts === 0);
    expect(next).toHaveLength(1);
    expect(next[0]!.runAt.getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });
});
