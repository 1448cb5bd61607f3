import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { metrics } from './metrics';
import { readiness, refreshQueueMetrics } from './health';
import { startWorkerLoop, workersAlive } from './worker-loop';

describe('readiness', () => {
  it('needs the database, every migration applied and this process’s workers', async () => {
    expect(await readiness()).toEqual({ ready: false, checks: { database: true, migrations: true, workers: false } });
    startWorkerLoop('outbox', 60_000, async () => {});
    startWorkerLoop('jobs', 60_000, async () => {});
    expect(await readiness()).toEqual({ ready: true, checks: { database: true, migrations: true, workers: true } });
    // A loop that has not come round for three of its intervals is not alive.
    expect(workersAlive(['outbox'], Date.now() + 4 * 60_000)).toBe(false);
  });

  it('says migrations are missing when the database lacks the newest one', async () => {
    await getDb().execute(sql`create temporary table newest as select max(created_at) as at from drizzle.__drizzle_migrations`);
    await getDb().execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select at from newest)`);
    expect((await readiness()).checks.migrations).toBe(false);
  });
});

describe('queue metrics', () => {
  it('reads depth and age from the database', async () => {
    await getDb().execute(sql`insert into jobs (kind, payload, run_at) values ('resources.extractText', '{}', now() - interval '90 seconds')`);
    await refreshQueueMetrics();
    const text = await metrics().registry.metrics();
    expect(text).toMatch(/pp_queue_items\{queue="jobs",state="pending"\} [1-9]/);
    expect(Number(/pp_queue_oldest_pending_seconds\{queue="jobs"\} ([\d.]+)/.exec(text)?.[1])).toBeGreaterThanOrEqual(89);
  });
});
