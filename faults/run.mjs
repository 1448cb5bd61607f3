#!/usr/bin/env node
/**
 * `npm run test:faults [-- scenario …]`: breaks things on purpose and checks the portal copes. Each
 * scenario (faults/scenarios/*.mjs) starts real processes — a throwaway Postgres cluster made with
 * Debian's initdb/pg_ctl (never the machine's shared service), `next start` instances of the production
 * build, an SMTP sink, an S3 server, nginx — breaks one of them, and checks what members see and what is
 * stored. Loops are bounded in count and time, traffic goes to 127.0.0.1 only, and every scenario has a
 * time limit. A scenario whose system program is missing (pg_ctl, nginx) is skipped, saying why.
 *
 * Needs a production build (`npm run build`; `npm test` makes one). Ends with "N passed, N failed, N skipped".
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { root } from '../scripts/bench-common.mjs';
import { Cluster, postgresBin, stopAll, stopScenario, tempDir, which } from './lib.mjs';

const ORDER = ['postgres-restart', 'smtp-down', 's3-down', 'worker-dies', 'two-instances', 'live-events', 'backup-restore'];
const wanted = process.argv.slice(2);
const names = wanted.length ? ORDER.filter((n) => wanted.includes(n)) : ORDER;
if (wanted.some((n) => !ORDER.includes(n))) {
  console.error(`[faults] unknown scenario; known: ${ORDER.join(', ')}`);
  process.exit(2);
}
if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('[faults] no production build in .next: run `npm run build` first.');
  process.exit(2);
}

/** What a scenario needs from the system, and why it is skipped without it. */
function missing(needs) {
  for (const need of needs) {
    if (need === 'postgres' && !postgresBin())
      return 'Debian’s Postgres server programs (initdb, pg_ctl) are not installed: apt-get install postgresql';
    if (need === 'nginx' && !which('nginx')) return 'nginx is not installed: apt-get install nginx';
    if (need === 'runuser' && process.getuid?.() === 0 && !which('runuser')) return 'runuser is missing (needed to run Postgres as root)';
    if (need === 'pg_dump' && !(which('pg_dump') && which('pg_restore')))
      return 'pg_dump and pg_restore are not installed: apt-get install postgresql-client';
  }
  return null;
}

const results = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();
let cluster = null;
// Interrupted or killed (CI's time limit, a developer's kill): stop the cluster and servers before leaving.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(signal, async () => {
    await stopAll();
    process.exit(code);
  });
}

for (const name of names) {
  const scenario = (await import(`./scenarios/${name}.mjs`)).default;
  const why = missing(scenario.needs ?? []);
  if (why) {
    results.skipped++;
    console.info(`- ${name}: skipped (${why})`);
    continue;
  }
  const t0 = Date.now();
  console.info(`▶ ${name}: ${scenario.title}`);
  const logDir = await tempDir(name);
  try {
    // One cluster for the whole run (seeded once); each scenario gets its own database from it.
    if (!cluster) {
      const dir = await tempDir('pg', { run: true });
      cluster = new Cluster(dir);
      await cluster.init();
    }
    let timer;
    const limit = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`over its time limit of ${scenario.timeoutSeconds} s`)), scenario.timeoutSeconds * 1000);
    });
    const apps = [];
    try {
      await Promise.race([scenario.run({ cluster, logDir, apps, log: (m) => console.info(`  ${m}`) }), limit]);
    } catch (error) {
      for (const app of apps) console.info(`  --- last lines of ${app.name}'s log ---\n${app.logTail()}`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
    results.passed++;
    console.info(`✓ ${name} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  } catch (error) {
    results.failed++;
    console.info(`✗ ${name} (${((Date.now() - t0) / 1000).toFixed(0)} s): ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await stopScenario();
    // A scenario that stopped the cluster leaves it stopped: start it again for the next one.
    if (cluster && !existsSync(path.join(cluster.data, 'postmaster.pid'))) await cluster.start();
  }
}

await stopAll();
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.info(`\n[faults] ${seconds} s`);
console.info(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exitCode = results.failed ? 1 : 0;
