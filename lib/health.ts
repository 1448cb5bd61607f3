import 'server-only';
import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { executeRows, getDb } from '@/db';
import { migrationsFolder } from '@/db/migrate';
import { jobs, outbox } from '@/db/schema';
import { OUTBOX_MAX_ATTEMPTS } from '@/lib/email';
import { JOB_MAX_ATTEMPTS } from '@/lib/jobs';
import { metrics } from '@/lib/metrics';
import { workersAlive } from '@/lib/worker-loop';

/** Liveness for load balancers: the database answers, within `timeoutMs` (a load balancer will not wait). */
export async function databaseHealthy(timeoutMs = 3_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      getDb()
        .execute(sql`select 1`)
        .then(() => true),
      late,
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** When the newest committed migration was made (drizzle's journal), which the database must have applied. */
function newestMigration(): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

async function migrationsApplied(): Promise<boolean> {
  try {
    const [row] = await executeRows<{ applied: string | number | null }>(
      getDb(),
      sql`select max(created_at) as applied from drizzle.__drizzle_migrations`,
    );
    return Number(row?.applied ?? 0) >= newestMigration();
  } catch {
    return false;
  }
}

export interface Readiness {
  ready: boolean;
  checks: { database: boolean; migrations: boolean; workers: boolean };
}

/**
 * Whether this instance should get traffic: the database answers, every committed migration is
 * applied, and this process's email and job workers keep running.
 */
export async function readiness(): Promise<Readiness> {
  const database = await databaseHealthy();
  const checks = { database, migrations: database && (await migrationsApplied()), workers: workersAlive(['outbox', 'jobs']) };
  return { ready: checks.database && checks.migrations && checks.workers, checks };
}

/** Sets the queue gauges from the database (at each scrape): pending and failed counts, oldest pending age. */
export async function refreshQueueMetrics(): Promise<void> {
  const [stats] = await executeRows<Record<string, string | number | null>>(
    getDb(),
    sql`select
      (select count(*) from ${outbox} where sent_at is null and attempts < ${OUTBOX_MAX_ATTEMPTS}) as outbox_pending,
      (select count(*) from ${outbox} where sent_at is null and attempts >= ${OUTBOX_MAX_ATTEMPTS}) as outbox_failed,
      (select extract(epoch from now() - min(created_at)) from ${outbox} where sent_at is null and attempts < ${OUTBOX_MAX_ATTEMPTS}) as outbox_age,
      (select count(*) from ${jobs} where done_at is null and attempts < ${JOB_MAX_ATTEMPTS}) as jobs_pending,
      (select count(*) from ${jobs} where done_at is null and attempts >= ${JOB_MAX_ATTEMPTS}) as jobs_failed,
      (select extract(epoch from now() - min(run_at)) from ${jobs} where done_at is null and attempts < ${JOB_MAX_ATTEMPTS} and run_at <= now()) as jobs_age`,
  );
  const { queue, oldestAge } = metrics();
  const n = (key: string) => Number(stats?.[key] ?? 0);
  queue.set({ queue: 'outbox', state: 'pending' }, n('outbox_pending'));
  queue.set({ queue: 'outbox', state: 'failed' }, n('outbox_failed'));
  queue.set({ queue: 'jobs', state: 'pending' }, n('jobs_pending'));
  queue.set({ queue: 'jobs', state: 'failed' }, n('jobs_failed'));
  oldestAge.set({ queue: 'outbox' }, Math.max(0, n('outbox_age')));
  oldestAge.set({ queue: 'jobs' }, Math.max(0, n('jobs_age')));
}
