/**
 * Migrates the database and fills it with the demo (organisations and demo accounts) when it is empty.
 *
 *   npm run db:seed                  the database the portal uses (DATABASE_URL, else PGlite in .data/pglite)
 *   npm run db:seed -- --scale 10    ten times the alliance's size (for trying lists and search at volume)
 *   npm run db:seed -- --require-empty   refuse a database that already has organisations (the e2e server)
 *   scripts/seed.ts --dev            what `npm run dev` runs first: seeds an empty database unless SEED_DEMO=never
 *
 * Demo accounts share a published password, so this refuses to run with NODE_ENV=production, always
 * (seed/index.ts refuses too). A production portal's first admin comes from `npm run admin:create`.
 *
 * Run with `tsx --conditions=react-server`: lib/ modules start with `import 'server-only'`, which only
 * resolves to an empty module under that condition. On PGlite, stop the portal first (it owns the directory).
 */
import { count } from 'drizzle-orm';
import { closeDatabase, database } from '../db';
import { runMigrations } from '../db/migrate';
import { organisations } from '../db/schema';
import { seedDemoIfEmpty } from '../seed';

/** A problem with how the script was called or with the database it found: one line, no stack. */
class SeedRefused extends Error {}

function parseArgs(argv: string[]) {
  let scale = 1;
  let requireEmpty = false;
  let dev = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--scale' || arg.startsWith('--scale=')) {
      const value = arg.includes('=') ? arg.slice('--scale='.length) : argv[++i];
      scale = Number(value);
      if (!Number.isInteger(scale) || scale < 1 || scale > 100) throw new SeedRefused(`--scale must be a whole number from 1 to 100 (got ${value})`);
    } else if (arg === '--require-empty') {
      requireEmpty = true;
    } else if (arg === '--dev') {
      dev = true;
    } else {
      throw new SeedRefused(`Unknown argument ${arg}. Usage: seed [--scale N] [--require-empty] [--dev]`);
    }
  }
  return { scale, requireEmpty, dev };
}

async function main() {
  const { scale, requireEmpty, dev } = parseArgs(process.argv.slice(2));
  if (process.env.NODE_ENV === 'production') {
    throw new SeedRefused(
      'NODE_ENV is production: demo data (with its published password) is never seeded there. Create the first admin with npm run admin:create -- --email <address>.',
    );
  }
  if (dev && process.env.SEED_DEMO === 'never') return;
  const handle = database();
  const where =
    handle.kind === 'pglite' ? `PGlite in ${process.env.PGLITE_DIR || `${process.env.DATA_DIR || '.data'}/pglite`}` : 'Postgres (DATABASE_URL)';
  try {
    await runMigrations(handle, process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL);
    if (requireEmpty) {
      const [{ n } = { n: 0 }] = await handle.db.select({ n: count() }).from(organisations);
      if (n > 0) throw new SeedRefused(`The database (${where}) already has data; the end-to-end tests need an empty one.`);
    }
    const started = Date.now();
    const accounts = await seedDemoIfEmpty(handle.db, { scale });
    if (!accounts) {
      console.info(`[seed] ${where} already has data that is not the demo: nothing seeded.`);
      return;
    }
    const width = Math.max(...accounts.list.map((a) => a.email.length));
    console.info(
      [
        `[seed] ${where} is migrated and holds the demo (${((Date.now() - started) / 1000).toFixed(1)} s).`,
        `Demo accounts (password for all: ${accounts.password}; staff also give a code from an authenticator app holding the key shown, or from \`npm run demo:code -- <email>\`)`,
        ...accounts.list.map(
          (a) => `  ${a.email.padEnd(width)}  ${a.label}${a.totpSecret ? `\n  ${''.padEnd(width)}  authenticator key ${a.totpSecret}` : ''}`,
        ),
        ...(dev ? ['Emails the portal sends in development are listed at /dev/outbox.', ''] : []),
      ].join('\n'),
    );
  } finally {
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof SeedRefused ? `[seed] ${error.message}` : error);
  process.exitCode = 1;
});
