/**
 * Walks the audit log's hash chain (lib/audit/chain.ts) and names the first broken row:
 *
 *   npm run audit:verify      exit 0 when every row verifies, 1 when one does not (its id on stderr)
 *
 * Reads DATABASE_URL (or PGlite in .data/pglite: stop the portal first), after applying pending migrations. Run with
 * `tsx --conditions=react-server` (lib/ modules start with `import 'server-only'`).
 */
import { closeDatabase, database } from '../db';
import { runMigrations } from '../db/migrate';
import { verifyAuditChain } from '../lib/audit/chain';

const REASONS = {
  hash: 'its content does not match its hash (it was edited)',
  link: 'it does not link to the row before it (a row was removed, inserted or reordered)',
  missing: 'it has no hash although the chain had begun (written around the portal)',
};

async function main() {
  const handle = database();
  try {
    // The chain's columns come with a migration: a database the portal has not started on yet gets it.
    await runMigrations(handle, process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL);
    const report = await verifyAuditChain();
    const legacy = report.unchained ? ` (${report.unchained} from before the chain, not covered)` : '';
    if (report.ok) {
      console.info(`[audit:verify] the audit log verifies: ${report.rows} rows${legacy}.`);
    } else {
      console.error(`[audit:verify] BROKEN at audit row ${report.brokenAt}: ${REASONS[report.reason]}. ${report.rows} rows read${legacy}.`);
      process.exitCode = 1;
    }
  } finally {
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(`[audit:verify] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
