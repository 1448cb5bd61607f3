import 'server-only';
import { sql } from 'drizzle-orm';
import { executeRows, getDb, type Tx } from '@/db';
import { jobs } from '@/db/schema';
import { config } from '@/lib/config';
import { loggableMessage } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { metrics } from '@/lib/metrics';
import { startWorkerLoop } from '@/lib/worker-loop';
import type { JobKind, JobPayloads } from './kinds';

/**
 * Background jobs in a table, claimed with FOR UPDATE SKIP LOCKED under a lease, so any number of
 * instances can work through them and a crashed worker's job is picked up again. Handlers must be
 * idempotent (a job may run twice after a crash).
 */
export type JobHandler<K extends JobKind> = (payload: JobPayloads[K]) => Promise<void>;
type AnyHandler = (payload: unknown) => Promise<void>;

const HANDLERS = Symbol.for('protectors-portal.job-handlers');
function handlers(): Map<string, AnyHandler> {
  const g = globalThis as typeof globalThis & { [HANDLERS]?: Map<string, AnyHandler> };
  return (g[HANDLERS] ??= new Map());
}

/** Registers the function that runs jobs of one kind (call at module load of the feature's jobs file). */
export function registerJob<K extends JobKind>(kind: K, handler: JobHandler<K>): void {
  handlers().set(kind, handler as AnyHandler);
}

/**
 * Queues a job (inside the caller's transaction when given one, so it exists exactly when the change
 * does), to run now or after `delaySeconds`.
 */
export async function enqueueJob<K extends JobKind>(
  kind: K,
  payload: JobPayloads[K],
  options: { tx?: Tx; delaySeconds?: number } = {},
): Promise<void> {
  await (options.tx ?? getDb())
    .insert(jobs)
    .values({ kind, payload, runAt: options.delaySeconds ? sql`now() + make_interval(secs => ${options.delaySeconds})` : undefined });
}

/** Kinds that carry no payload: the ones that can recur on a clock. */
type ClockKind = { [K in JobKind]: JobPayloads[K] extends Record<string, never> ? K : never }[JobKind];

const RECURRING = Symbol.for('protectors-portal.recurring-jobs');
function recurring(): Map<ClockKind, number> {
  const g = globalThis as typeof globalThis & { [RECURRING]?: Map<ClockKind, number> };
  return (g[RECURRING] ??= new Map());
}

/**
 * Queues a run of a clock job unless one is already waiting (not started yet): one chain of runs however
 * many instances start at once (a transaction lock per kind), and a chain whose last run gave up
 * (`JOB_MAX_ATTEMPTS`) starts again.
 */
export async function scheduleRecurring(kind: ClockKind, delaySeconds = 0): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`jobs:${kind}`}))`);
    const waiting = await executeRows(tx, sql`select 1 from ${jobs} where kind = ${kind} and done_at is null and attempts = 0 limit 1`);
    if (!waiting.length) await enqueueJob(kind, {} as JobPayloads[typeof kind], { tx, delaySeconds });
  });
}

/** Registers a job that runs every `everySeconds`: each run queues the next; startup starts the chains (scheduleRecurringJobs). */
export function registerRecurringJob(kind: ClockKind, everySeconds: number, run: () => Promise<unknown>): void {
  recurring().set(kind, everySeconds);
  registerJob(kind, async () => {
    await run();
    // This run is still "not done" (and has attempts > 0) while it runs: the next one is queued.
    await scheduleRecurring(kind, everySeconds);
  });
}

/** Starts (or restarts) every registered clock job's chain; a failure is logged, never stops the server. */
export async function scheduleRecurringJobs(): Promise<void> {
  for (const kind of recurring().keys()) {
    await scheduleRecurring(kind).catch((error: unknown) => logger.warn({ err: error, kind }, 'could not queue a recurring job'));
  }
}

/** After this many attempts a job is left alone ("failed"; visible in the metrics). */
export const JOB_MAX_ATTEMPTS = 8;

/** Runs due jobs once; returns how many ran and failed. */
export async function runDueJobs(limit = 10): Promise<{ ran: number; failed: number }> {
  const db = getDb();
  const claimed = await executeRows<{ id: number; kind: string; payload: Record<string, unknown>; attempts: number }>(
    db,
    sql`
    update ${jobs} set locked_until = now() + make_interval(secs => ${config().JOB_LEASE_SECONDS}), attempts = attempts + 1
    where id in (
      select id from ${jobs}
      where done_at is null and run_at <= now() and attempts < ${JOB_MAX_ATTEMPTS}
        and (locked_until is null or locked_until < now())
      order by run_at
      limit ${limit}
      for update skip locked)
    returning id, kind, payload, attempts`,
  );
  let ran = 0;
  let failed = 0;
  for (const job of claimed) {
    const handler = handlers().get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload);
      await db.execute(sql`update ${jobs} set done_at = now(), locked_until = null, last_error = null where id = ${job.id}`);
      ran++;
    } catch (error) {
      failed++;
      metrics().jobFailures.inc({ kind: job.kind });
      logger.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: error }, 'job failed; will retry');
      await db.execute(sql`
        update ${jobs} set locked_until = null, last_error = ${loggableMessage(error)},
          run_at = now() + make_interval(secs => ${Math.min(3600, 10 * 2 ** job.attempts)})
        where id = ${job.id}`);
    }
  }
  return { ran, failed };
}

/** Started once per server process (instrumentation): works through due jobs every few seconds. */
export function startJobWorker(everyMs = 2000): void {
  startWorkerLoop('jobs', everyMs, () => runDueJobs());
}
