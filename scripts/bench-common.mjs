/**
 * Shared by the benchmark scripts: make and seed the bench database, start `next start` on it, sign in
 * over HTTP, and measure one page with autocannon (p50/p95 latency, requests per second).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import postgres from 'postgres';

const require = createRequire(import.meta.url);

// The servers the benches start run on the node that runs the bench (process.execPath): the machine's own
// may be older than the portal's (package.json engines; npm scripts put the project's node@24 first on the
// PATH). Measured here, Node 20 served the thread page a third slower than Node 24.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24 && !process.env.BENCH_ANY_NODE) {
  console.error(
    `[bench] this is Node ${process.versions.node}; the portal runs on Node 24. Run the benches through npm (\`npm run bench\`, or \`npx node scripts/<bench>.mjs\`), which use the project's node@24 (BENCH_ANY_NODE=1 to measure this one anyway).`,
  );
  process.exit(1);
}
export const root = path.resolve(import.meta.dirname, '..');
export const benchUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/pp_bench';
export const seconds = Number(process.env.BENCH_SECONDS || 10);
export const connections = Number(process.env.BENCH_CONNECTIONS || 10);

/** Creates the database when missing, migrates it and seeds the demo (BENCH_SCALE, default 10) when empty. */
export async function ensureSeededDatabase(url = benchUrl) {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  try {
    const [found] = await admin`select 1 as one from pg_database where datname = ${name}`;
    if (!found) await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const seeded = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), '--conditions=react-server', 'scripts/seed.ts', '--scale', String(process.env.BENCH_SCALE || 10)],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (seeded.status !== 0) throw new Error('seeding failed');
}

/**
 * The portal's server (scripts/server.mjs, as `npm start`) from the existing production build on `port`, in production mode with a test secret and
 * APP_URL, plus `env`; resolves once /api/health answers (within `timeoutMs`), or throws.
 */
export async function startNext({ port, env = {}, stdio = ['ignore', 'inherit', 'inherit'], timeoutMs = 60_000 }) {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('No production build in .next: run `npm run build` first.');
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(root, 'scripts/server.mjs'), '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      APP_URL: base,
      AUTH_SECRET: process.env.AUTH_SECRET || 'bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
      // Production's start refusals, opted out of on purpose (a scenario behind nginx sets TRUSTED_PROXIES,
      // one with an SMTP server sets SMTP_URL): the server is reached directly on 127.0.0.1.
      ALLOW_DIRECT_EXPOSURE: '1',
      MAIL_TRANSPORT: 'file',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio,
  });
  return answering(server, `${base}/api/health`, timeoutMs);
}

/** Waits until `url` answers 200, then returns `server`; kills it and throws if it exits or does not answer within `timeoutMs`. */
export async function answering(server, url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`the server for ${url} exited`);
    if (
      await fetch(url)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return server;
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Leaves a freshly filled bench database as a live one would be after autovacuum: VACUUM as well as
 * ANALYZE, since rows inserted in bulk wait in the GIN indexes' pending lists (15,000 entries on
 * resources), which every full-text search then reads one by one (19 ms instead of 1).
 */
export async function settle(db) {
  await db`vacuum analyze`;
}

/** `next start` on the bench database (rate limits out of the way). */
export function startServer(port, url = benchUrl) {
  return startNext({ port, env: { DATABASE_URL: url, RATE_LIMIT_SCALE: '1000' } });
}

/** Signs in through Auth.js's credentials callback; returns the session's Cookie header. */
export async function signIn(
  base,
  email = process.env.BENCH_EMAIL || 'civil@demo.example',
  password = process.env.BENCH_PASSWORD || 'protect-children-2026',
) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/home` }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => /^(__Host-)?pp\.session=/.test(c));
  if (!session) throw new Error(`sign-in failed (status ${res.status})`);
  return session;
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

/** Loads one page for BENCH_SECONDS with `count` connections (BENCH_CONNECTIONS); one row of the results table. */
export async function measure(base, target, cookie, count = connections) {
  const latencies = [];
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon({ url: base + target.path, connections: count, duration: seconds, headers: { cookie } }, (e, r) =>
      e ? reject(e) : resolve(r),
    );
    instance.on('response', (_c, _s, _b, time) => latencies.push(time));
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

/**
 * Starts `next start` on the bench database, signs in, and for each page of `targetsFor(cookie)`: warms it
 * up once (it must answer 200), measures it, then prints the table. Stops the server whatever happens.
 */
export async function benchPages(port, url, targetsFor) {
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(port, url);
  try {
    const cookie = await signIn(base);
    const targets = await targetsFor(cookie);
    for (const target of targets) {
      const res = await fetch(base + target.path, { headers: { cookie }, redirect: 'manual' });
      if (res.status !== 200) throw new Error(`${target.path} answered ${res.status}`);
    }
    const rows = [];
    for (const target of targets) {
      console.info(`[bench] ${target.label}: ${seconds} s, ${connections} connections…`);
      rows.push(await measure(base, target, cookie));
    }
    console.table(rows);
  } finally {
    server.kill('SIGTERM');
  }
}

/** The text after `--only` on the command line, or null: the benches keep the pages whose label contains it. */
export const onlyArg = () => (process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null);

/**
 * The member pages of issue 17's table, with ids and names taken from the bench database; the floor first
 * and always, the others only when their label contains `only`.
 */
export async function issuePages(only = onlyArg(), url = benchUrl) {
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [thread] = await db`select t.id from threads t join spaces s on s.id = t.space_id
      where s.slug = 'bench-discussions' order by t.last_post_at desc limit 1`;
    if (!thread) throw new Error('no bench space: run scripts/bench-discussions.mjs --prepare first');
    const [surname] = await db`select split_part(name, ' ', 2) as word from users
      where status = 'active' and name like '% %' group by 1 order by count(*) desc limit 1`;
    return [
      { label: 'floor: /api/auth/session', path: '/api/auth/session', floor: true },
      { label: '/home', path: '/home' },
      { label: '/spaces', path: '/spaces' },
      { label: '/spaces/[slug], 1,000 threads', path: '/spaces/bench-discussions' },
      { label: '/threads/[id], 30 posts (20 a page)', path: `/threads/${thread.id}` },
      { label: '/directory', path: '/directory' },
      { label: '/directory/people', path: '/directory/people' },
      { label: `/directory/people?q=${surname.word}`, path: `/directory/people?q=${encodeURIComponent(surname.word)}` },
      { label: '/search?q=safety', path: '/search?q=safety' },
      { label: '/resources', path: '/resources' },
      { label: '/settings/preferences', path: '/settings/preferences' },
    ].filter((t) => t.floor || !only || t.label.includes(only));
  } finally {
    await db.end();
  }
}

/** The CPU time (user + system) a process has used, in milliseconds: fields 14 and 15 of /proc/<pid>/stat, in ticks of 10 ms (USER_HZ 100). Linux only. */
export async function cpuMs(pid) {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Sends `count` GETs of `url`, `concurrency` at a time, each read to its end; throws on an answer other than 200. */
export async function sendRequests(url, cookie, count, concurrency) {
  let sent = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent++ < count) {
        const res = await fetch(url, { headers: { cookie }, redirect: 'manual' });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      }
    }),
  );
}

/**
 * The gzipped bytes of the scripts an HTML page loads, as a browser would fetch them (each fetched once
 * per `cache`), and how many. Scripts marked noModule (the polyfills) are left out: the browsers that run
 * the portal never fetch them. The whole tag is read: Next writes `noModule` after `src`.
 */
export async function scriptWeight(base, html, cache = new Map()) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1])
    .filter((attrs) => !/\bnomodule\b/i.test(attrs))
    .map((attrs) => /\bsrc="([^"]+)"/.exec(attrs)?.[1])
    .filter(Boolean)
    .map((src) => src.replace(/&amp;/g, '&'));
  let bytes = 0;
  for (const src of new Set(scripts)) {
    if (!cache.has(src)) cache.set(src, gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length);
    bytes += cache.get(src);
  }
  return { bytes, count: scripts.length };
}

/** Prints a server's resident memory (Linux's /proc; nothing elsewhere). */
export async function printResidentMemory(pid) {
  const rss = await readFile(`/proc/${pid}/status`, 'utf8')
    .then((status) => status.match(/^VmRSS:\s+(\d+) kB/m)?.[1])
    .catch(() => null);
  if (rss) console.info(`[bench] server resident memory after the runs: ${Math.round(Number(rss) / 1024)} MB`);
}

/** Runs a benchmark's main function, printing a failure as one line. */
export function runBench(main) {
  main().catch((error) => {
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
