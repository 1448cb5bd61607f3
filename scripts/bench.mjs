#!/usr/bin/env node
/**
 * The directory's benchmark (first part of `npm run bench`): load-tests the directory against
 * `next start` on real Postgres at ten times the alliance's size, and prints p50/p95 latency and
 * requests per second for each page. Build first (`npm run build`); the database, server, sign-in and
 * measurement come from scripts/bench-common.mjs (BENCH_DATABASE_URL, BENCH_SECONDS, BENCH_CONNECTIONS).
 * Figures depend on the machine; nothing here asserts a time.
 */
import postgres from 'postgres';
import { benchPages, benchUrl, ensureSeededDatabase, runBench } from './bench-common.mjs';

const port = Number(process.env.BENCH_PORT || 3390);
const targets = [
  { label: '/directory (all sectors)', path: '/directory' },
  { label: '/directory/people, sector + expertise filter', path: '/directory/people?sector=private_sector&expertise=trust-safety' },
  { label: '/directory/people, language filter, newest first', path: '/directory/people?language=fr&sort=joined' },
  { label: '/directory, name search with a typo', path: '/directory?q=Internatonal' },
  { label: '/directory/people, name search', path: '/directory/people?q=martin' },
];

async function main() {
  const started = Date.now();
  await ensureSeededDatabase();
  const db = postgres(benchUrl, { max: 1, onnotice: () => {} });
  try {
    const [counts] =
      await db`select (select count(*) from organisations) as organisations, (select count(*) from users where status = 'active') as people`;
    console.info(
      `[bench] database ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ${counts.organisations} organisations, ${counts.people} active people`,
    );
    await db`analyze`;
  } finally {
    await db.end();
  }
  await benchPages(port, benchUrl, () => targets);
}

runBench(main);
