#!/usr/bin/env node
/**
 * `npm run loadtest`: N seeded members use the portal at once for a set time against the production
 * build (`next start`) on real Postgres, then every write the portal acknowledged is checked against the
 * database. Build first (`npm run build`).
 *
 * Each member signs in (its own session), then loops: think for a moment (LOADTEST_THINK_MS, ±50 %),
 * then read a page (home, spaces, a space, a thread, directory, people, search, resources) or, one time
 * in LOADTEST_WRITE_EVERY, write: a reply (most), a new thread, or an upload of a small file. A write is
 * acknowledged when the portal answers it as done (the server action's redirect, or 201 with a file id).
 * At the end: every acknowledged reply and thread is stored exactly once, no write is stored twice, every
 * acknowledged upload has its row and identical bytes on disk.
 *
 *   LOADTEST_MEMBERS (100), LOADTEST_SECONDS (300), LOADTEST_THINK_MS (1000), LOADTEST_WRITE_EVERY (6),
 *   LOADTEST_DATABASE_URL (postgres://postgres@127.0.0.1:5432/pp_loadtest: created, migrated and seeded at
 *   BENCH_SCALE, default 10, when missing), LOADTEST_PORT (3395).
 *
 * Prints throughput, latency percentiles per kind of request, errors and the write check; exits 1 on any
 * 5xx, network error, or lost or duplicated write. Traffic goes to 127.0.0.1 only; the loop stops at the
 * set time. Figures depend on the machine.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { actionId, callAction, request, uploadText } from '../faults/lib.mjs';
import { ensureSeededDatabase, root, runBench, signIn, startNext } from './bench-common.mjs';

const MEMBERS = Number(process.env.LOADTEST_MEMBERS || 100);
const SECONDS = Number(process.env.LOADTEST_SECONDS || 300);
const THINK_MS = Number(process.env.LOADTEST_THINK_MS || 1000);
const WRITE_EVERY = Number(process.env.LOADTEST_WRITE_EVERY || 6);
const URL_ = process.env.LOADTEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/pp_loadtest';
const PORT = Number(process.env.LOADTEST_PORT || 3395);
const RUN = randomUUID().slice(0, 8);
const UPLOADS_DIR = path.join(root, '.data', 'loadtest', 'uploads');

const latencies = new Map();
const statuses = new Map();
const writes = { reply: [], thread: [], upload: [] };
const tried = { reply: 0, thread: 0, upload: 0 };

function record(kind, ms, status) {
  if (!latencies.has(kind)) latencies.set(kind, []);
  latencies.get(kind).push(ms);
  const bucket = status === 0 ? 'network error' : `${String(status)[0]}xx`;
  statuses.set(bucket, (statuses.get(bucket) ?? 0) + 1);
  if (status >= 500 || status === 0) statuses.set(`${kind} ${status || 'network'}`, (statuses.get(`${kind} ${status || 'network'}`) ?? 0) + 1);
}

async function timed(kind, fn) {
  const t0 = performance.now();
  const result = await fn();
  record(kind, performance.now() - t0, result.status);
  return result;
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function member(base, cookie, data, ids, deadline, n) {
  let i = 0;
  await sleep(Math.random() * THINK_MS * 2); // members arrive spread out
  while (Date.now() < deadline) {
    i++;
    const marker = `lt-${RUN}-${n}-${i}`;
    if (i % WRITE_EVERY === 0) {
      const roll = Math.random();
      if (roll < 0.7) {
        const thread = pick(data.threads);
        tried.reply++;
        const res = await timed('write: reply', () =>
          callAction(
            { base },
            { page: `/threads/${thread}`, id: ids.reply, cookie, fields: { threadId: thread, body: `Load test reply ${marker}.` } },
          ),
        );
        if (res.status === 200 && res.redirect) writes.reply.push(marker);
      } else if (roll < 0.9) {
        const space = pick(data.spaces);
        tried.thread++;
        const res = await timed('write: new thread', () =>
          callAction(
            { base },
            {
              page: `/spaces/${space.slug}/new`,
              id: ids.thread,
              cookie,
              fields: { spaceId: space.id, title: `Load test ${marker}`, body: `Opened by the load test (${marker}).` },
            },
          ),
        );
        if (res.status === 200 && res.redirect) writes.thread.push(marker);
      } else {
        tried.upload++;
        const text = `Load test file ${marker}\n`;
        const res = await timed('write: upload', () => uploadText({ base }, cookie, `${marker}.txt`, text));
        if (res.status === 201 && res.fileId) writes.upload.push({ id: res.fileId, sha256: createHash('sha256').update(text).digest('hex') });
      }
    } else {
      const reads = [
        ['read: home', '/home'],
        ['read: spaces', '/spaces'],
        ['read: space', `/spaces/${pick(data.spaces).slug}`],
        ['read: thread', `/threads/${pick(data.threads)}`],
        ['read: directory', '/directory'],
        ['read: people', '/directory/people'],
        ['read: search', `/search?q=${encodeURIComponent(pick(['hotline', 'policy', 'report', 'safety']))}`],
        ['read: resources', '/resources'],
      ];
      const [kind, page] = pick(reads);
      await timed(kind, () => request(base + page, { cookie, timeoutMs: 60_000 }));
    }
    await sleep(THINK_MS * (0.5 + Math.random()));
  }
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

async function main() {
  await ensureSeededDatabase(URL_);
  const db = postgres(URL_, { max: 2, onnotice: () => {} });
  const server = await startNext({
    port: PORT,
    env: { DATABASE_URL: URL_, RATE_LIMIT_SCALE: '1000', UPLOADS_DIR, DATA_DIR: path.join(root, '.data', 'loadtest') },
    timeoutMs: 120_000,
  });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    const people = await db`select email from users where status = 'active' and role = 'member' order by email limit ${MEMBERS}`;
    if (people.length < MEMBERS) throw new Error(`only ${people.length} active members in the database (seed with a larger BENCH_SCALE)`);
    const spaces = await db`select id, slug from spaces where access = 'open' and archived_at is null`;
    const threads = (
      await db`select t.id from threads t join spaces s on s.id = t.space_id where s.access = 'open' and s.archived_at is null and not t.is_locked order by t.created_at desc limit 200`
    ).map((t) => t.id);
    const ids = {
      reply: actionId('app/(member)/threads/actions.ts', 'replyAction'),
      thread: actionId('app/(member)/threads/actions.ts', 'createThreadAction'),
    };

    const t0 = Date.now();
    const cookies = [];
    for (let i = 0; i < people.length; i += 10) cookies.push(...(await Promise.all(people.slice(i, i + 10).map((p) => signIn(base, p.email)))));
    console.info(
      `[loadtest] ${cookies.length} members signed in (${((Date.now() - t0) / 1000).toFixed(0)} s); running ${SECONDS} s, think ${THINK_MS} ms, one write in ${WRITE_EVERY}…`,
    );

    const started = Date.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(cookies.map((cookie, n) => member(base, cookie, { spaces, threads }, ids, deadline, n)));
    const elapsed = (Date.now() - started) / 1000;

    // Every acknowledged write against the database.
    const replyRows =
      await db`select substring(body from ${`lt-${RUN}-[0-9]+-[0-9]+`}) as marker, count(*)::int as n from posts where body like ${`Load test reply lt-${RUN}-%`} group by 1`;
    const threadRows =
      await db`select substring(title from ${`lt-${RUN}-[0-9]+-[0-9]+`}) as marker, count(*)::int as n from threads where title like ${`Load test lt-${RUN}-%`} group by 1`;
    const check = (acked, rows) => {
      const stored = new Map(rows.map((r) => [r.marker, r.n]));
      return {
        acknowledged: acked.length,
        stored: rows.length,
        lost: acked.filter((m) => !stored.has(m)).length,
        duplicated: rows.filter((r) => r.n > 1).length,
      };
    };
    const replies = check(writes.reply, replyRows);
    const newThreads = check(writes.thread, threadRows);
    const fileRows = writes.upload.length
      ? await db`select id, storage_key, sha256 from files where id in ${db(writes.upload.map((u) => u.id))}`
      : [];
    const byId = new Map(fileRows.map((f) => [f.id, f]));
    let badFiles = 0;
    for (const upload of writes.upload) {
      const row = byId.get(upload.id);
      let bytesOk = false;
      try {
        bytesOk =
          !!row &&
          createHash('sha256')
            .update(readFileSync(path.join(UPLOADS_DIR, row.storage_key)))
            .digest('hex') === upload.sha256;
      } catch {
        bytesOk = false;
      }
      if (!bytesOk) badFiles++;
    }

    const all = [...latencies.values()].flat();
    const total = all.length;
    const rows = [...latencies.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, list]) => {
        const sorted = [...list].sort((x, y) => x - y);
        return {
          kind,
          requests: list.length,
          'p50 ms': Math.round(percentile(sorted, 50)),
          'p95 ms': Math.round(percentile(sorted, 95)),
          'p99 ms': Math.round(percentile(sorted, 99)),
        };
      });
    const sortedAll = [...all].sort((x, y) => x - y);
    rows.push({
      kind: 'all',
      requests: total,
      'p50 ms': Math.round(percentile(sortedAll, 50)),
      'p95 ms': Math.round(percentile(sortedAll, 95)),
      'p99 ms': Math.round(percentile(sortedAll, 99)),
    });
    console.table(rows);
    console.info(
      `[loadtest] ${MEMBERS} members, ${elapsed.toFixed(0)} s: ${total} requests, ${(total / elapsed).toFixed(1)} req/s; answers ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    console.table([
      { write: 'replies', tried: tried.reply, ...replies },
      { write: 'new threads', tried: tried.thread, ...newThreads },
      {
        write: 'uploads',
        tried: tried.upload,
        acknowledged: writes.upload.length,
        stored: writes.upload.length - badFiles,
        lost: badFiles,
        duplicated: 0,
      },
    ]);
    const errors = [...statuses.entries()].filter(([k]) => k === '5xx' || k === 'network error').reduce((s, [, n]) => s + n, 0);
    const badWrites = replies.lost + replies.duplicated + newThreads.lost + newThreads.duplicated + badFiles;
    console.info(`[loadtest] ${errors} 5xx or network errors; ${badWrites} lost or duplicated writes`);
    if (errors || badWrites) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    await db.end();
  }
}

runBench(main);
