/**
 * Applies pending migrations to the portal's database (DATABASE_URL, else PGlite in .data/pglite) and
 * exits. The server also migrates when it starts; this is for deploy pipelines and for checking a
 * migration before starting. On PGlite, stop the portal first (it owns the directory). With
 * DATABASE_MIGRATION_URL set, migrations run as that role (the tables' owner).
 */
import { closeDatabase, database } from '../db';
import { runMigrations } from '../db/migrate';

async function main() {
  const handle = database();
  try {
    await runMigrations(handle, process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL);
    console.info(`[migrate] ${handle.kind === 'pglite' ? 'PGlite' : 'Postgres'}: migrations applied.`);
  } finally {
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(`[migrate] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
