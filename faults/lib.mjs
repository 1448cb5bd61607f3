/**
 * Helpers of the fault tests (faults/run.mjs): real processes started and stopped by the test — a
 * throwaway Postgres cluster, `next start` instances, an SMTP sink, an S3 server, nginx — and HTTP calls
 * as a browser makes them (sign-in, pages, server actions). Everything listens on 127.0.0.1 only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { root, signIn, startNext } from '../scripts/bench-common.mjs';

export { signIn };
const require = createRequire(import.meta.url);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const DEMO_PASSWORD = 'protect-children-2026';

/**
 * `count` ports nobody listens on now, all different: the system's picks, held together while they are read.
 * A run never meets another run's processes, nor those a killed run left behind (a cluster still on its port).
 */
async function freePorts(count) {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise((resolve, reject) => {
          const server = net.createServer().once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/**
 * The run's ports, fixed for the whole run (a scenario restarts a server on the same port): picked free
 * when it starts, or FAULTS_PORT_BASE … +4 (the apps, nginx, SMTP, S3) and FAULTS_PG_PORT (the cluster) when set.
 */
const [appA, appB, nginx, smtp, s3, pg] = await freePorts(6);
const base = Number(process.env.FAULTS_PORT_BASE || 0);
const at = (offset, picked) => (base ? base + offset : picked);
export const PORTS = {
  appA: at(0, appA),
  appB: at(1, appB),
  nginx: at(2, nginx),
  smtp: at(3, smtp),
  s3: at(4, s3),
  pg: Number(process.env.FAULTS_PG_PORT || pg),
};

/** A command's path (PATH, then the sbin folders where Debian puts daemons), or null. */
export function which(command) {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/sbin'];
  for (const dir of dirs) if (dir && existsSync(path.join(dir, command))) return path.join(dir, command);
  return null;
}

/** Debian's Postgres server programs (initdb, pg_ctl), newest version first; PG_BIN overrides. */
export function postgresBin() {
  if (process.env.PG_BIN) return existsSync(path.join(process.env.PG_BIN, 'pg_ctl')) ? process.env.PG_BIN : null;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : null;
}

/**
 * What was started, stopped in reverse order whatever happens: a scenario's processes when it ends
 * (stopScenario), the run's (the cluster) at the very end (stopAll).
 */
const stops = { scenario: [], run: [] };
export function track(stop, { run = false } = {}) {
  stops[run ? 'run' : 'scenario'].push(stop);
  return stop;
}
async function drain(list) {
  while (list.length) {
    try {
      await list.pop()();
    } catch {
      // Already gone.
    }
  }
}
export const stopScenario = () => drain(stops.scenario);
export const stopAll = async () => {
  await drain(stops.scenario);
  await drain(stops.run);
};

export async function tempDir(prefix, { run = false } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), `pp-faults-${prefix}-`));
  track(async () => rmSync(dir, { recursive: true, force: true }), { run });
  return dir;
}

/**
 * A throwaway Postgres cluster (initdb + pg_ctl) on PORTS.pg, owned by the `postgres` user when the
 * tests run as root (Postgres refuses root). Never the machine's shared service.
 */
export class Cluster {
  constructor(dir, port = PORTS.pg) {
    this.bin = postgresBin();
    this.dir = dir;
    this.data = path.join(dir, 'data');
    this.port = port;
    this.asRoot = process.getuid?.() === 0;
  }

  run(program, args) {
    const file = path.join(this.bin, program);
    const [cmd, cmdArgs] = this.asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    return execFileSync(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 }).toString();
  }

  async init() {
    if (this.asRoot)
      chownSync(this.dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
    this.run('initdb', ['-D', this.data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
    await this.start();
    track(() => this.stop('immediate'), { run: true });
  }

  async start() {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`;
    this.run('pg_ctl', ['-D', this.data, '-l', path.join(this.dir, 'postgres.log'), '-w', '-t', '30', '-o', options, 'start']);
  }

  /** `fast` ends sessions cleanly; `immediate` is a crash (recovery from the WAL at the next start). */
  async stop(mode = 'fast') {
    if (!existsSync(path.join(this.data, 'postmaster.pid'))) return;
    this.run('pg_ctl', ['-D', this.data, '-m', mode, '-w', '-t', '30', 'stop']);
  }

  url(database = 'postgres') {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  sql(database = 'postgres') {
    const client = postgres(this.url(database), { max: 2, onnotice: () => {}, connect_timeout: 5 });
    track(() => client.end({ timeout: 1 }));
    return client;
  }

  /** A database made from the seeded template (created and seeded once per cluster). */
  async database(name) {
    const admin = this.sql();
    if (!this.seeded) {
      await admin.unsafe('create database pp_seeded');
      seed(this.url('pp_seeded'));
      this.seeded = true;
    }
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name} template pp_seeded`);
    return this.url(name);
  }
}

/** Migrations and the demo accounts (scripts/seed.ts, as the e2e server does). */
export function seed(url, extraArgs = []) {
  const result = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), '--conditions=react-server', 'scripts/seed.ts', '--require-empty', ...extraArgs],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 180_000,
    },
  );
  if (result.status !== 0) throw new Error(`seeding failed: ${result.stderr?.toString().slice(-500)}`);
}

/**
 * `next start` on `port` with `env` (DATABASE_URL at least); its output goes to a log file whose tail is
 * printed when the scenario fails. Returns the process with `base`, `kill(signal)` and `logTail()`.
 */
export async function startApp(name, port, env, logDir) {
  const logFile = path.join(logDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const server = await startNext({
    port,
    env: {
      RATE_LIMIT_SCALE: '50',
      SEED_DEMO: 'never',
      LOG_LEVEL: 'info',
      DATA_DIR: path.join(logDir, 'data'),
      OUTBOX_DIR: path.join(logDir, 'outbox'),
      UPLOADS_DIR: path.join(logDir, 'uploads'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeoutMs: 90_000,
  }).catch((error) => {
    throw new Error(`${name}: ${error.message}`);
  });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  const app = {
    name,
    base: `http://127.0.0.1:${port}`,
    process: server,
    logFile,
    async kill(signal = 'SIGTERM') {
      if (server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise((r) => server.once('exit', r));
      server.kill(signal);
      await Promise.race([exited, sleep(10_000)]);
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    },
    logTail(lines = 30) {
      return existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n') : '';
    },
  };
  track(() => app.kill('SIGKILL'));
  return app;
}

/** Signs in as a demo account; returns the Cookie header. */
export function signInAs(app, email) {
  return signIn(app.base, email, DEMO_PASSWORD);
}

/** One HTTP request with a time limit; never throws for an HTTP status (network errors give status 0). */
export async function request(url, { cookie, method = 'GET', headers = {}, body, timeoutMs = 15_000 } = {}) {
  try {
    const res = await fetch(url, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  } catch (error) {
    return { status: 0, headers: new Headers(), text: String(error?.cause?.code ?? error?.message ?? error) };
  }
}

/** A page must never show a stack trace or an error's text, whatever went wrong. */
export function showsNoStackTrace(text) {
  return !/\n\s+at .+\(.+:\d+:\d+\)|ECONNREFUSED|PostgresError|node_modules/.test(text);
}

/**
 * The id of a server action of the build (`.next/server/server-reference-manifest.json`), by the source
 * file that exports it and its exported name.
 */
export function actionId(file, exportedName) {
  const manifest = JSON.parse(readFileSync(path.join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8'));
  for (const [id, entry] of Object.entries(manifest.node ?? {})) {
    if (entry.filename === file && entry.exportedName === exportedName) return id;
  }
  throw new Error(`no server action ${exportedName} in ${file} in the build`);
}

/**
 * Calls a server action as the browser does for a form with useActionState: POST to the page with the
 * Next-Action header and the arguments (previous state, form data) encoded as React does. Answers
 * `{ status, redirect }` (the action's redirect target, when it redirected: a success) and the text.
 */
export async function callAction(app, { page, id, fields, cookie }) {
  // As React's encodeReply: the form's fields under the prefix "_1_", then (last: the server reads the
  // fields before the root) the arguments as part "0", the form data referenced as "$K1".
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(`_1_${k}`, v);
  form.append('0', JSON.stringify(['$undefined', '$K1']));
  const res = await request(app.base + page, {
    method: 'POST',
    cookie,
    headers: { 'Next-Action': id, Accept: 'text/x-component' },
    body: form,
    timeoutMs: 30_000,
  });
  return { ...res, redirect: res.headers.get('x-action-redirect') };
}

/** Waits until `check()` is truthy, polling every `everyMs`, for at most `timeoutMs`; returns the last value. */
export async function waitFor(check, { timeoutMs = 30_000, everyMs = 500, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await check().catch(() => undefined);
    if (last) return last;
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export { mkdirSync };

// The stand-in servers (SMTP, S3, nginx) live in ./servers.mjs and the resource library's steps in
// ./library.mjs; scenarios import them from here too.
export { bucketKeys, startNginx, startS3, startSmtp } from './servers.mjs';
export { createFileResource, downloadFile, uploadText } from './library.mjs';
