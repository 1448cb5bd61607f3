#!/usr/bin/env node
/**
 * The end-to-end web server (started by playwright.config.ts, which sets its environment):
 *   1. a fresh database: without DATABASE_URL, the PGlite directory PGLITE_DIR is deleted first;
 *      with DATABASE_URL, that database is used as it is and must be empty (CI creates a fresh one);
 *   2. an empty OUTBOX_DIR (the specs read emails from it) and UPLOADS_DIR;
 *   3. migrations and the demo accounts (scripts/seed.ts, the same module `npm run db:seed` uses);
 *   4. the portal's server (scripts/server.mjs, as `npm start`) in its place. On PGlite the server process owns
 *      the directory, so seeding ends first.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const port = env.PORT || '3300';

for (const name of ['AUTH_SECRET', 'APP_URL', 'OUTBOX_DIR']) {
  if (!env[name]) {
    console.error(`[e2e-server] ${name} is not set: start the end-to-end tests with npm run test:e2e.`);
    process.exit(1);
  }
}

if (env.DATABASE_URL) {
  console.info('[e2e-server] database: Postgres from DATABASE_URL (it must be empty)');
} else {
  if (!env.PGLITE_DIR) {
    console.error('[e2e-server] PGLITE_DIR is not set: refusing to touch the development database.');
    process.exit(1);
  }
  rmSync(env.PGLITE_DIR, { recursive: true, force: true });
  rmSync(`${env.PGLITE_DIR}.lock`, { force: true });
  console.info(`[e2e-server] database: fresh PGlite in ${path.relative(root, env.PGLITE_DIR) || env.PGLITE_DIR}`);
}
rmSync(env.OUTBOX_DIR, { recursive: true, force: true });
mkdirSync(env.OUTBOX_DIR, { recursive: true });
if (env.UPLOADS_DIR) rmSync(env.UPLOADS_DIR, { recursive: true, force: true });

const tsx = require.resolve('tsx/cli');
const seed = spawnSync(process.execPath, [tsx, '--conditions=react-server', path.join(root, 'scripts/seed.ts'), '--require-empty'], {
  cwd: root,
  // The server runs as production; the test accounts are demo data seeded for the test only.
  env: { ...env, NODE_ENV: 'test' },
  stdio: 'inherit',
});
if (seed.status !== 0) {
  console.error('[e2e-server] seeding failed: not starting the server.');
  process.exit(seed.status || 1);
}

const server = spawn(process.execPath, [path.join(root, 'scripts/server.mjs'), '--port', port], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
