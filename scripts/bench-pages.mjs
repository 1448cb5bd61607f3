#!/usr/bin/env node
/**
 * Part of `npm run bench` (last, after bench-resources and bench-discussions have filled the bench
 * database): the member pages of issue 17, side by side, against `next start` on real Postgres.
 *
 * For each page it prints req/s, p50 and p95 at BENCH_CONNECTIONS (default 20 here) and at one
 * connection, the page's HTML (raw and gzipped), and the JavaScript the page loads (the <script src> of
 * its HTML, gzipped, as a browser would fetch them), and the gzipped HTML of a first visit, which carries the
 * stylesheet inlined (scripts/inline-css.mjs). In the same run it measures the floor: the cheapest
 * signed-in request (Auth.js's session endpoint: the session check and nothing else), and prints each
 * page's throughput as a share of it, so figures from different runs and machines can be compared.
 * With `--browser` it also loads /home and a thread in Chromium under network throttling (DevTools'
 * "Slow 3G" and "Fast 3G" profiles, cache empty) and prints Largest Contentful Paint and bytes transferred.
 * `--only <substring>` keeps the pages whose label contains it. Nothing here asserts a time.
 */
import { gzipSync } from 'node:zlib';
import {
  connections as defaultConnections,
  issuePages,
  measure,
  printResidentMemory,
  runBench,
  scriptWeight,
  signIn,
  startServer,
} from './bench-common.mjs';

const port = Number(process.env.BENCH_PAGES_PORT || 3393);
const base = `http://127.0.0.1:${port}`;
const connections = Number(process.env.BENCH_CONNECTIONS || Math.max(defaultConnections, 20));

const kb = (n) => Math.round(n / 102.4) / 10;

/**
 * HTML bytes (raw and gzipped) as a browser that has the stylesheet gets them, the gzipped HTML of a first
 * visit (the stylesheet inlined: scripts/inline-css.mjs), and the gzipped size of the scripts the page loads.
 */
async function weigh(path, cookie, scriptCache) {
  const html = await (await fetch(base + path, { headers: { cookie } })).text();
  const firstVisit = await (await fetch(base + path, { headers: { cookie, accept: 'text/html' } })).text();
  const { bytes: js, count: scripts } = await scriptWeight(base, html, scriptCache);
  return { html: Buffer.byteLength(html), gzip: gzipSync(html).length, firstGzip: gzipSync(firstVisit).length, js, scripts };
}

/** LCP and bytes transferred for a cold load of `path` under a DevTools throttling profile. */
async function throttledLoad(browser, cookie, path, profile) {
  const context = await browser.newContext();
  const [name, value] = cookie.split(/=(.*)/s);
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.conditions });
  let transferred = 0;
  cdp.on('Network.loadingFinished', (e) => (transferred += e.encodedDataLength));
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(base + path, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForTimeout(500);
  const lcp = await page.evaluate(() => window.__lcp);
  await context.close();
  return { page: path.replace(/[0-9a-f-]{36}/, '[id]'), profile: profile.name, 'LCP ms': Math.round(lcp), 'transferred KB': kb(transferred) };
}

const PROFILES = [
  // Chromium DevTools' presets (the figures DevTools applies: latency × 5 and bandwidth × 0.8 of the nominal).
  { name: 'Slow 3G', conditions: { latency: 2000, downloadThroughput: (500 * 1024 * 0.8) / 8, uploadThroughput: (500 * 1024 * 0.8) / 8 } },
  { name: 'Fast 3G', conditions: { latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 } },
];

async function browserRun(cookie, threadPath) {
  const { chromium } = await import('playwright-core');
  const { chromiumExecutable } = await import('../e2e/browser.ts');
  const browser = await chromium.launch({
    executablePath: (await chromiumExecutable()).path,
    args: ['--no-sandbox', '--disable-background-networking'],
  });
  try {
    const rows = [];
    for (const path of ['/home', threadPath]) for (const profile of PROFILES) rows.push(await throttledLoad(browser, cookie, path, profile));
    console.table(rows);
  } finally {
    await browser.close();
  }
}

async function main() {
  const pages = await issuePages();
  const server = await startServer(port);
  try {
    const cookie = await signIn(base);
    for (const target of pages) {
      const res = await fetch(base + target.path, { headers: { cookie }, redirect: 'manual' });
      if (res.status !== 200) throw new Error(`${target.path} answered ${res.status}`);
    }
    const scriptCache = new Map();
    const rows = [];
    let floor = null;
    for (const target of pages) {
      console.info(`[bench] ${target.label}…`);
      const one = await measure(base, target, cookie, 1);
      const many = await measure(base, target, cookie, connections);
      floor ??= target.floor ? many['req/s'] : null;
      const weight = target.floor ? null : await weigh(target.path, cookie, scriptCache);
      rows.push({
        page: target.label,
        [`req/s @${connections}`]: many['req/s'],
        'of floor': floor ? `${Math.round((100 * many['req/s']) / floor)} %` : '',
        [`p50 @${connections}`]: many['p50 ms'],
        [`p95 @${connections}`]: many['p95 ms'],
        'p50 @1': one['p50 ms'],
        'HTML KB': weight ? kb(weight.html) : '',
        'HTML gz KB': weight ? kb(weight.gzip) : '',
        'first visit gz KB': weight ? kb(weight.firstGzip) : '',
        'JS gz KB': weight ? kb(weight.js) : '',
        errors: one['non-2xx'] + many['non-2xx'],
      });
    }
    console.table(rows);
    await printResidentMemory(server.pid);
    if (process.argv.includes('--browser')) await browserRun(cookie, pages.find((p) => p.label.startsWith('/threads'))?.path ?? '/home');
  } finally {
    server.kill('SIGTERM');
  }
}

runBench(main);
