import 'server-only';
import { database } from '@/db';
import { runMigrations } from '@/db/migrate';
import { ConfigError, config } from './config';
import { startOutboxWorker } from './email';
import { scheduleRecurringJobs, startJobWorker } from './jobs';
import './jobs/registry';
import { logger } from './logger';
import { observeHttpRequests } from './metrics';
import { REQUEST_ID_HEADER } from './request-id';

/**
 * Checks configuration (one clear line and exit when wrong), migrates, starts the workers. Demo data is
 * seeded before `npm run dev` starts the server (scripts/seed.ts --dev), never by the server itself.
 */
export async function startServer(): Promise<void> {
  let c;
  try {
    c = config();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  observeHttpRequests();
  const handle = database();
  await runMigrations(handle, c.DATABASE_MIGRATION_URL ?? c.DATABASE_URL);
  logger.info({ database: handle.kind }, 'database ready');
  startOutboxWorker();
  startJobWorker();
  // The clock jobs (digests, re-verification, sweeps, purges): one chain each, whatever the number of instances.
  await scheduleRecurringJobs();
}

/**
 * Logs an error a page, route handler or action threw (instrumentation.ts's onRequestError) with the
 * request id and the digest the error page shows. The route's pattern, never its path or query.
 */
export function logRequestError(error: unknown, headers: NodeJS.Dict<string | string[]>, context: { routePath: string; routeType: string }): void {
  const id = headers[REQUEST_ID_HEADER];
  logger.error(
    {
      err: error,
      requestId: Array.isArray(id) ? id[0] : id,
      digest: (error as { digest?: unknown } | null)?.digest,
      route: context.routePath,
      routeType: context.routeType,
    },
    'request failed',
  );
}
