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
import { cpuMs, issuePages, printResidentMemory, runBench, sendRequests, signIn, startServer } from './bench-common.mjs';

const port = Number(process.env.BENCH_CPU_PORT || 3394);
const base = `http://127.0.0.1:${port}`;
const requests = Number(process.env.BENCH_CPU_REQUESTS || 300);
const concurrency = Number(process.env.BENCH_CPU_CONCURRENCY || 4);
const warmup = Number(process.env.BENCH_CPU_WARMUP || 300);

/** The CPU time of every process named postgres (the server and its backends) that is still there, in ms. */
async function postgresCpuMs() {
  let pids = [];
  try {
    pids = execFileSync('pgrep', ['-x', 'postgres']).toString().trim().split('\n').filter(Boolean);
  } catch {
    // pgrep exits 1 when nothing matches: Postgres runs elsewhere.
  }
  let total = 0;
  for (const pid of pids) total += await cpuMs(pid).catch(() => 0);
  return total;
}

async function main() {
  const pages = await issuePages();
  const server = await startServer(port);
  try {
    const cookie = await signIn(base);
    const rows = [];
    for (const page of pages) {
      await sendRequests(base + page.path, cookie, warmup, concurrency);
      const [node0, pg0] = [await cpuMs(server.pid), await postgresCpuMs()];
      await sendRequests(base + page.path, cookie, requests, concurrency);
      const [node1, pg1] = [await cpuMs(server.pid), await postgresCpuMs()];
      rows.push({
        page: page.label,
        'Node CPU ms / request': Math.round(((node1 - node0) * 10) / requests) / 10,
        'Postgres CPU ms / request': Math.round(((pg1 - pg0) * 10) / requests) / 10,
      });
    }
    console.table(rows);
    await printResidentMemory(server.pid);
  } finally {
    server.kill('SIGTERM');
  }
}

runBench(main);
