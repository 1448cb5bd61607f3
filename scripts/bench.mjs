#!/usr/bin/env node
/**
 * `npm run bench`: load-tests the directory against `next start` on real Postgres at ten times the
 * alliance's size, and prints p50/p95 latency and requests per second for each page.
 *
 *   1. makes the database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/pp_bench) and
 *      seeds it with `db:seed -- --scale 10` when it is empty;
 *   2. starts `next start` on BENCH_PORT (default 3390) from the existing production build (`npm run
 *      build` first; `--build` builds it);
 *   3. signs in over HTTP (Auth.js's credentials callback) as a demo member to get a session cookie;
 *   4. runs autocannon against each page (BENCH_SECONDS, default 10; BENCH_CONNECTIONS, default 10).
 *
 * Figures depend on the machine; nothing here asserts a time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/pp_bench';
const port = Number(process.env.BENCH_PORT || 3390);
const base = `http://localhost:${port}`;
const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 10);
const email = process.env.BENCH_EMAIL || 'civil@demo.example';
const password = process.env.BENCH_PASSWORD || 'protect-children-2026';

const targets = [
  { label: '/directory (all sectors)', path: '/directory' },
  { label: '/directory/people, sector + expertise filter', path: '/directory/people?sector=private_sector&expertise=trust-safety' },
  { label: '/directory/people, language filter, newest first', path: '/directory/people?language=fr&sort=joined' },
  { label: '/directory, name search with a typo', path: '/directory?q=Internatonal' },
  { label: '/directory/people, name search', path: '/directory/people?q=martin' },
];

async function ensureDatabase() {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  try {
    const [found] = await admin`select 1 as one from pg_database where datname = ${name}`;
    if (!found) {
      await admin.unsafe(`create database ${name}`);
      console.info(`[bench] created database ${name}`);
    }
  } finally {
    await admin.end();
  }
  const started = Date.now();
  const seeded = spawnSync(process.execPath, [require.resolve('tsx/cli'), '--conditions=react-server', 'scripts/seed.ts', '--scale', '10'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error('seeding failed');
  console.info(`[bench] database ready (${((Date.now() - started) / 1000).toFixed(0)} s): ${seeded.stdout.split('\n')[0]}`);
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [counts] = await db`select (select count(*) from organisations) as organisations, (select count(*) from users where status = 'active') as people`;
    console.info(`[bench] ${counts.organisations} organisations, ${counts.people} active people`);
    await db`analyze`;
  } finally {
    await db.end();
  }
}

function build() {
  if (process.argv.includes('--build') || !existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    if (!process.argv.includes('--build')) throw new Error('No production build in .next: run `npm run build` first (or `npm run bench -- --build`).');
    const result = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (result.status !== 0) throw new Error('build failed');
  }
}

async function startServer() {
  const server = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', String(port)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: url,
      APP_URL: base,
      AUTH_SECRET: process.env.AUTH_SECRET || 'bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
      RATE_LIMIT_SCALE: '1000',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error('next start exited');
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error('next start did not answer /api/health within a minute');
}

/** Signs in through Auth.js's credentials callback and returns the Cookie header of the session. */
async function signIn() {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/home` }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('pp.session=') || c.startsWith('__Host-pp.session='));
  if (!session) throw new Error(`sign-in failed (status ${res.status})`);
  const check = await fetch(`${base}/directory`, { headers: { cookie: session }, redirect: 'manual' });
  if (check.status !== 200) throw new Error(`signed-in request answered ${check.status}`);
  return session;
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function run(target, cookie) {
  const latencies = [];
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: base + target.path, connections, duration: seconds, headers: { cookie } },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    page: target.label,
    'p50 ms': Math.round(percentile(latencies, 50)),
    'p95 ms': Math.round(percentile(latencies, 95)),
    'req/s': Math.round(result.requests.average),
    requests: result.requests.total,
    'non-2xx': result.non2xx + result.errors,
  };
}

async function main() {
  build();
  await ensureDatabase();
  const server = await startServer();
  try {
    const cookie = await signIn();
    // Warm up each page once (first compilation of server code paths, connection pool).
    for (const target of targets) await fetch(base + target.path, { headers: { cookie } });
    const rows = [];
    for (const target of targets) {
      console.info(`[bench] ${target.label}: ${seconds} s, ${connections} connections…`);
      rows.push(await run(target, cookie));
    }
    console.table(rows);
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
