import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle } from 'drizzle-orm/postgres-js';
import path from 'node:path';
import postgres from 'postgres';
import type { DatabaseHandle } from './index';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Any fixed number: every instance asks for the same advisory lock before migrating. */
const MIGRATION_LOCK = 7_240_001;

/**
 * Applies committed migrations. On Postgres under an advisory lock so instances starting together
 * take turns (the second finds nothing left to do); PGlite is single-process by its directory lock.
 */
export async function runMigrations(handle: DatabaseHandle, databaseUrl?: string): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as never, { migrationsFolder });
    return;
  }
  if (!databaseUrl) throw new Error('runMigrations: DATABASE_URL is needed for Postgres');
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzle(client), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
