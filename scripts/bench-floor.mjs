#!/usr/bin/env node
/**
 * Part of `npm run bench` (after bench-pages and bench-cpu): how far the portal is from the framework under
 * it, measured in one window (decision 025). It writes a bare Next.js app into a temporary folder (the
 * portal's node_modules hard-linked, so the same Next.js, React and Node), builds it, and serves it as the
 * portal is served: Node's http server in front of Next.js's request handler. Its one page renders the
 * markup of a thread page of 20 posts (article, header, name, organisation, time, the cooked HTML, two
 * links each) behind `await headers()`, with no database, session, translations or member frame; a route
 * handler answers JSON. The portal's floor (the session check) and its thread page run on the bench
 * database beside it, each round measuring all four in turn.
 *
 * For each: req/s and p95 at BENCH_CONNECTIONS (20), p50 at one connection, Node CPU per request (4 at a
 * time, after a warm-up), the page's HTML and the gzipped JavaScript it loads; then each server's resident
 * memory after its runs. BENCH_FLOOR_ROUNDS (default 2) rounds. Nothing here asserts a time. Linux only
 * (/proc; the temporary folder must be on the portal's file system for the hard links, BENCH_TMP to choose it).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  answering,
  connections as defaultConnections,
  cpuMs,
  issuePages,
  measure,
  printResidentMemory,
  root,
  runBench,
  scriptWeight,
  sendRequests,
  signIn,
  startServer,
} from './bench-common.mjs';

const portalPort = Number(process.env.BENCH_FLOOR_PORT || 3396);
const barePort = portalPort + 1;
const connections = Number(process.env.BENCH_CONNECTIONS || Math.max(defaultConnections, 20));
const rounds = Number(process.env.BENCH_FLOOR_ROUNDS || 2);
const cpuRequests = Number(process.env.BENCH_CPU_REQUESTS || 300);
const cpuWarmup = Number(process.env.BENCH_CPU_WARMUP || 300);

/** The bare app's files: a root layout, the 20-post page, a JSON route, and the server the portal uses too. */
const BARE_APP = {
  'package.json': JSON.stringify({ name: 'bare-next-floor', private: true, type: 'module' }),
  'next.config.mjs': `export default { compress: false, turbopack: { root: import.meta.dirname } };\n`,
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      lib: ['dom', 'es2022'],
      jsx: 'react-jsx',
      module: 'esnext',
      moduleResolution: 'bundler',
      strict: false,
      skipLibCheck: true,
      noEmit: true,
      isolatedModules: true,
      esModuleInterop: true,
    },
    include: ['**/*.ts', '**/*.tsx'],
    exclude: ['node_modules'],
  }),
  'app/layout.tsx': `import type { ReactNode } from 'react';
export default function RootLayout({ children }: { children: ReactNode }) {
  return (<html lang="en"><body><header><nav><a href="/">Home</a></nav></header><main>{children}</main></body></html>);
}
`,
  'app/threads/[id]/page.tsx': `import Link from 'next/link';
import { headers } from 'next/headers';
const cooked = '<p>' + 'We saw a sharp rise in reports this week across three platforms, and takedown requests take longer than they should. '.repeat(3) + '</p><p>How do you escalate?</p>';
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await headers();
  const { id } = await params;
  const posts = Array.from({ length: 20 }, (_, i) => ({ n: i + 1, name: \`Member \${i + 1}\`, org: \`Organisation \${i % 7}\`, at: new Date(Date.UTC(2026, 10, 1, 9, i)) }));
  return (<div><h1>Thread {id}</h1><ol>{posts.map((p) => (
    <li key={p.n}><article id={\`post-\${p.n}\`}><header><h3><bdi>{p.name}</bdi> <span>{p.org}</span></h3>
      <time dateTime={p.at.toISOString()}>{p.at.toUTCString()}</time></header>
      <div dangerouslySetInnerHTML={{ __html: cooked }} />
      <footer><Link href={\`/threads/\${id}?quote=\${p.n}\`} prefetch={false}>Quote</Link> <Link href={\`/threads/\${id}/posts/\${p.n}/report\`} prefetch={false}>Report</Link></footer>
    </article></li>))}</ol></div>);
}
`,
  'app/api/ping/route.ts': `export const dynamic = 'force-dynamic';
export async function GET() { return Response.json({ ok: true }); }
`,
  'server.mjs': `import { createServer } from 'node:http';
process.env.NODE_ENV = 'production';
const port = Number(process.argv[2]);
const { default: next } = await import('next');
const app = next({ dev: false, hostname: '127.0.0.1', port });
const handle = app.getRequestHandler();
await app.prepare();
createServer((req, res) => handle(req, res)).listen(port, '127.0.0.1');
`,
};

function buildBareApp() {
  const dir = mkdtempSync(path.join(process.env.BENCH_TMP || os.tmpdir(), 'pp-bare-next-'));
  for (const [file, text] of Object.entries(BARE_APP)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  execFileSync('cp', ['-al', path.join(root, 'node_modules'), dir]);
  console.info(`[bench] building a bare Next.js app in ${dir}…`);
  execFileSync(process.execPath, [path.join(dir, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dir;
}

async function startBare(dir) {
  const server = spawn(process.execPath, [path.join(dir, 'server.mjs'), String(barePort)], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return answering(server, `http://127.0.0.1:${barePort}/api/ping`);
}

/** One row: throughput and latency with autocannon, then CPU per request from /proc, then the page's weight. */
async function row(label, base, target, cookie, pid) {
  const many = await measure(base, target, cookie, connections);
  const one = await measure(base, target, cookie, 1);
  await sendRequests(base + target.path, cookie, cpuWarmup, 4);
  const before = await cpuMs(pid);
  await sendRequests(base + target.path, cookie, cpuRequests, 4);
  const cpu = Math.round((((await cpuMs(pid)) - before) * 10) / cpuRequests) / 10;
  const res = await fetch(base + target.path, { headers: { cookie } });
  const html = (res.headers.get('content-type') ?? '').includes('html') ? await res.text() : null;
  const js = html ? await scriptWeight(base, html) : null;
  return {
    page: label,
    [`req/s @${connections}`]: many['req/s'],
    [`p95 @${connections}`]: many['p95 ms'],
    'p50 @1': one['p50 ms'],
    'Node CPU ms / request': cpu,
    'HTML KB': html ? Math.round(Buffer.byteLength(html) / 102.4) / 10 : '',
    'JS gz KB': js ? Math.round(js.bytes / 102.4) / 10 : '',
    errors: many['non-2xx'] + one['non-2xx'],
  };
}

async function main() {
  const pages = await issuePages('/threads');
  const thread = pages.find((p) => p.label.startsWith('/threads'));
  const dir = buildBareApp();
  let bare, portal;
  try {
    bare = await startBare(dir);
    portal = await startServer(portalPort);
    const portalBase = `http://127.0.0.1:${portalPort}`;
    const bareBase = `http://127.0.0.1:${barePort}`;
    const cookie = await signIn(portalBase);
    const targets = [
      ['bare Next.js page, 20 posts’ markup', bareBase, { path: '/threads/bare' }, '', bare.pid],
      ['bare Next.js route handler (JSON)', bareBase, { path: '/api/ping' }, '', bare.pid],
      ['portal floor: /api/auth/session', portalBase, pages[0], cookie, portal.pid],
      [`portal ${thread.label}`, portalBase, thread, cookie, portal.pid],
    ];
    // Both servers' JIT warmed on every target before anything is measured (a cold first round read 40 % low).
    for (const [, base, target, c] of targets) await sendRequests(base + target.path, c, cpuWarmup, 4);
    const rows = [];
    for (let round = 1; round <= rounds; round++) {
      console.info(`[bench] round ${round} of ${rounds}…`);
      for (const target of targets) rows.push(await row(...target));
    }
    console.table(rows);
    console.info('[bench] the bare app:');
    await printResidentMemory(bare.pid);
    console.info('[bench] the portal:');
    await printResidentMemory(portal.pid);
  } finally {
    bare?.kill('SIGTERM');
    portal?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main);
