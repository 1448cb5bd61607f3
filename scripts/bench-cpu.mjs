#!/usr/bin/env node
/**
 * What one request costs, in CPU rather than seconds: for each page of issue 17's table, the Node
 * process's and Postgres's CPU time (user + system, from /proc) over BENCH_CPU_REQUESTS requests
 * (default 300) sent BENCH_CPU_CONCURRENCY at a time (default 4), after a warm-up of BENCH_CPU_WARMUP
 * requests (default 300: after 60, some pages still read 40 % higher while the JIT compiled). Unlike
 * req/s, the figure barely moves with other work on the machine, so two builds can be compared one after
 * the other (decision 025). Prints the server's resident memory at the end; NODE_OPTIONS (say
 * `--max-old-space-size=384`) reaches the server it starts. `--only <substring>` keeps the pages whose
 * label contains it. Linux only (/proc). Postgres is counted when it runs on this machine, all of it: other
 * databases' work on the same server counts too, so run it when nothing else uses that server.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { issuePages, printResidentMemory, runBench, signIn, startServer } from './bench-common.mjs';

const port = Number(process.env.BENCH_CPU_PORT || 3394);
const base = `http://127.0.0.1:${port}`;
const requests = Number(process.env.BENCH_CPU_REQUESTS || 300);
const concurrency = Number(process.env.BENCH_CPU_CONCURRENCY || 4);
const warmup = Number(process.env.BENCH_CPU_WARMUP || 300);
const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
async function ticks(pid) {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** The CPU ticks of every process named postgres (the server and its backends) that is still there. */
async function postgresTicks() {
  let pids = [];
  try {
    pids = execFileSync('pgrep', ['-x', 'postgres']).toString().trim().split('\n').filter(Boolean);
  } catch {
    // pgrep exits 1 when nothing matches: Postgres runs elsewhere.
  }
  let total = 0;
  for (const pid of pids) total += await ticks(pid).catch(() => 0);
  return total;
}

async function load(path, cookie, count) {
  let sent = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent++ < count) {
        const res = await fetch(base + path, { headers: { cookie }, redirect: 'manual' });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      }
    }),
  );
}

async function main() {
  const pages = await issuePages();
  const server = await startServer(port);
  try {
    const cookie = await signIn(base);
    const rows = [];
    for (const page of pages) {
      await load(page.path, cookie, warmup);
      const [node0, pg0] = [await ticks(server.pid), await postgresTicks()];
      await load(page.path, cookie, requests);
      const [node1, pg1] = [await ticks(server.pid), await postgresTicks()];
      rows.push({
        page: page.label,
        'Node CPU ms / request': Math.round(((node1 - node0) * TICK_MS * 10) / requests) / 10,
        'Postgres CPU ms / request': Math.round(((pg1 - pg0) * TICK_MS * 10) / requests) / 10,
      });
    }
    console.table(rows);
    await printResidentMemory(server.pid);
  } finally {
    server.kill('SIGTERM');
  }
}

runBench(main);
