#!/usr/bin/env node
/**
 * The production recipe, measured: one portal process per core (scripts/server.mjs, as `npm start`) behind
 * nginx, against the same pages served by one process directly, in the same run.
 *
 *   1. starts N = os.availableParallelism() portal processes (BENCH_PROCESSES overrides) on free ports, on
 *      the bench database (BENCH_DATABASE_URL, prepared by bench-discussions), each with TRUSTED_PROXIES=1
 *      and APP_URL set to nginx's address, as README's deployment section says for one proxy in front;
 *   2. starts nginx in front of them with the fault scenarios' startNginx (faults/servers.mjs: their proxy
 *      headers, here with least_conn and keepalive 32) on a free port;
 *   3. signs in through nginx (BENCH_EMAIL), warms every process up (20 requests a page), then for each page — the floor (/api/auth/session), /home and a
 *      thread of the bench space — loads it for BENCH_SECONDS at BENCH_CONNECTIONS (default 20) through
 *      nginx, then the same against one of the processes directly (the others idle), and prints both tables;
 *   4. stops nginx and every process, whatever happened.
 *
 * Needs nginx on PATH (Debian: `apt-get install -y nginx`) and a production build. Figures depend on the
 * machine and on what else runs on it; nothing here asserts a time.
 */
import { createServer } from 'node:net';
import os from 'node:os';
import postgres from 'postgres';
import { benchUrl, measure, runBench, signIn, startNext } from './bench-common.mjs';
import { stopScenario, tempDir } from '../faults/lib.mjs';
import { startNginx } from '../faults/servers.mjs';

const processes = Number(process.env.BENCH_PROCESSES || os.availableParallelism());
const connections = Number(process.env.BENCH_CONNECTIONS || 20);
const WARM_UP = 20;

/** A TCP port nobody listens on now (the kernel's pick). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The pages measured: the floor, /home and the newest thread of the bench space. */
async function targets() {
  const db = postgres(benchUrl, { max: 1, onnotice: () => {} });
  try {
    const [thread] = await db`select t.id from threads t join spaces s on s.id = t.space_id
      where s.slug = 'bench-discussions' order by t.last_post_at desc limit 1`;
    if (!thread) throw new Error('no bench space: run scripts/bench-discussions.mjs --prepare first');
    return [
      { label: 'floor: /api/auth/session', path: '/api/auth/session' },
      { label: '/home', path: '/home' },
      { label: '/threads/[id], 30 posts', path: `/threads/${thread.id}` },
    ];
  } finally {
    await db.end();
  }
}

function row(result) {
  const { page, 'req/s': rate, 'p50 ms': p50, 'p95 ms': p95, 'non-2xx': errors } = result;
  return { page, 'req/s': rate, 'p50 ms': p50, 'p95 ms': p95, errors };
}

async function main() {
  const pages = await targets();
  const proxyPort = await freePort();
  const proxyBase = `http://127.0.0.1:${proxyPort}`;
  const ports = [];
  for (let i = 0; i < processes; i++) ports.push(await freePort());
  const servers = [];
  try {
    console.info(`[bench] ${processes} portal processes (ports ${ports.join(', ')}) behind nginx on ${proxyPort}`);
    const env = { DATABASE_URL: benchUrl, RATE_LIMIT_SCALE: '1000', TRUSTED_PROXIES: '1', APP_URL: proxyBase };
    // One after the other: starting them all at once on a small machine only makes each slower to answer.
    for (const port of ports) servers.push(await startNext({ port, env }));
    await startNginx(proxyPort, ports, await tempDir('bench-nginx'), { balance: 'least_conn', keepalive: 32 });
    const cookie = await signIn(proxyBase);
    const direct = `http://127.0.0.1:${ports[0]}`;
    // Each page must answer 200 through nginx and from every process; each process is warmed up alike
    // (WARM_UP requests a page), so neither table measures a cold process.
    for (const target of pages) {
      for (const base of [proxyBase, ...ports.map((p) => `http://127.0.0.1:${p}`)]) {
        for (let i = 0; i < (base === proxyBase ? 1 : WARM_UP); i++) {
          const res = await fetch(base + target.path, { headers: { cookie }, redirect: 'manual' });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${base}${target.path} answered ${res.status}`);
        }
      }
    }
    const viaProxy = [];
    const single = [];
    for (const target of pages) {
      console.info(`[bench] ${target.label}: ${connections} connections, through nginx then one process directly…`);
      viaProxy.push(row(await measure(proxyBase, target, cookie, connections)));
      single.push(row(await measure(direct, target, cookie, connections)));
    }
    console.info(`\n${processes} processes behind nginx (least_conn, keepalive):`);
    console.table(viaProxy);
    console.info('One process, directly:');
    console.table(single);
  } finally {
    await stopScenario(); // nginx and its folder
    await Promise.all(
      servers.map((server) => {
        if (server.exitCode !== null || server.signalCode !== null) return null;
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        return exited;
      }),
    );
  }
}

runBench(main);
