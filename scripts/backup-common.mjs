/**
 * Shared by `npm run backup` and `npm run restore`: where uploads live (as lib/config.ts decides), the
 * manifest, checksums, and running pg_dump / pg_restore (Debian's postgresql-client; PG_DUMP and
 * PG_RESTORE name other binaries).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const MANIFEST = 'manifest.json';
export const DUMP = 'database.dump';
export const UPLOADS = 'uploads';

/** One line and a non-zero exit: how the backup scripts refuse. */
export class Refused extends Error {}

export function uploadsDir(env = process.env) {
  return env.UPLOADS_DIR || path.join(env.DATA_DIR || '.data', 'uploads');
}

export function databaseUrl(env = process.env) {
  if (!env.DATABASE_URL) {
    throw new Refused(
      'DATABASE_URL is not set. Backups are of Postgres (pg_dump); the embedded PGlite database is for development: stop the portal and copy its DATA_DIR instead.',
    );
  }
  return env.DATABASE_URL;
}

export async function sha256(file) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}

/** Every file under `dir`, as paths relative to it, sorted (empty when the folder does not exist). */
export function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.part'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** `{ path, size, sha256 }` of every file under `dir`. */
export async function describeFiles(dir) {
  const out = [];
  for (const rel of filesUnder(dir)) {
    const file = path.join(dir, rel);
    out.push({ path: rel, size: statSync(file).size, sha256: await sha256(file) });
  }
  return out;
}

/** Runs a Postgres client program; throws with its last error lines when it fails. */
export function runTool(program, args) {
  const result = spawnSync(program, args, { stdio: ['ignore', 'inherit', 'pipe'], timeout: 3_600_000 });
  if (result.error)
    throw new Refused(`${program} could not run (${result.error.message}): install Postgres's client programs (apt-get install postgresql-client).`);
  if (result.status !== 0) throw new Refused(`${program} failed: ${result.stderr.toString().trim().split('\n').slice(-3).join(' ')}`);
}

/** Runs a script's main function: a refusal is one line, anything else its stack. */
export function runScript(name, main) {
  main().catch((error) => {
    console.error(error instanceof Refused ? `[${name}] ${error.message}` : error);
    process.exitCode = 1;
  });
}
