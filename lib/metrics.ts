import 'server-only';
import { subscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of this process (served at /api/metrics behind METRICS_TOKEN). Kept on a Symbol.for
 * global: the instrumentation bundle and the route bundles are separate module graphs in one process.
 *
 * - request latency: measured around every HTTP request the Next.js server answers (Node's
 *   `http.server.request.start` / `http.server.response.finish` diagnostics channels, so from the moment
 *   Node parsed the request to the last byte handed to the socket), labelled with the Next.js route
 *   pattern the path matches in the build's routes manifest (`/threads/[id]`), never the path itself;
 * - failures: emails and jobs that failed an attempt, sign-ins refused, authorization failures (404s);
 * - queue depth and age (outbox, jobs): read from the database at each scrape (lib/health.ts), the same
 *   from every instance.
 */
export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'route' | 'method' | 'status'>;
  emailFailures: Counter;
  jobFailures: Counter<'kind'>;
  signInFailures: Counter<'reason'>;
  authzDenied: Counter<'door' | 'outcome'>;
  queue: Gauge<'queue' | 'state'>;
  oldestAge: Gauge<'queue'>;
}

const KEY = Symbol.for('protectors-portal.metrics');

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pp_' });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: 'pp_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by Next.js route pattern, method and status.',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    emailFailures: new Counter({ name: 'pp_email_delivery_failures_total', help: 'Email delivery attempts that failed (retried later).', registers }),
    jobFailures: new Counter({
      name: 'pp_job_failures_total',
      help: 'Background job runs that failed (retried later), by kind.',
      labelNames: ['kind'],
      registers,
    }),
    signInFailures: new Counter({
      name: 'pp_sign_in_failures_total',
      help: 'Sign-ins refused: invalid (wrong password or unknown email), rate_limited, or the account not active.',
      labelNames: ['reason'],
      registers,
    }),
    authzDenied: new Counter({
      name: 'pp_authz_denied_total',
      help: 'Requests for something not visible to the requester (a 404), by door (page, route, action) and outcome: audited, over_limit (a member past the audit limit) or anonymous.',
      labelNames: ['door', 'outcome'],
      registers,
    }),
    queue: new Gauge({
      name: 'pp_queue_items',
      help: 'Outbox emails and jobs waiting (pending) or given up after their last attempt (failed).',
      labelNames: ['queue', 'state'],
      registers,
    }),
    oldestAge: new Gauge({
      name: 'pp_queue_oldest_pending_seconds',
      help: 'Age of the oldest pending email or due job.',
      labelNames: ['queue'],
      registers,
    }),
  };
}

export function metrics(): Metrics {
  const g = globalThis as typeof globalThis & { [KEY]?: Metrics };
  return (g[KEY] ??= create());
}

/** A compiled route of the build's routes manifest. */
interface RoutePattern {
  page: string;
  regex: RegExp;
}

/** The app's route patterns, from `.next/routes-manifest.json` (static ones first, as Next.js matches them). */
export function loadRoutePatterns(manifestFile = path.join(process.cwd(), '.next', 'routes-manifest.json')): RoutePattern[] {
  try {
    const manifest = JSON.parse(readFileSync(/*turbopackIgnore: true*/ manifestFile, 'utf8')) as {
      staticRoutes?: { page: string; regex: string }[];
      dynamicRoutes?: { page: string; regex: string }[];
    };
    return [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  } catch {
    return [];
  }
}

/** The label for a request path: its route pattern, `/_next/*` for assets, `other` for anything unknown. */
export function routeLabel(url: string, patterns: RoutePattern[]): string {
  const pathname = url.split('?')[0]!.replace(/\.rsc$/, '') || '/';
  if (pathname.startsWith('/_next/')) return '/_next/*';
  return patterns.find((p) => p.regex.test(pathname))?.page ?? 'other';
}

/** Starts timing every request of this process's HTTP server (once per process). */
export function observeHttpRequests(): void {
  const g = globalThis as typeof globalThis & { [key: symbol]: boolean | undefined };
  const started = Symbol.for('protectors-portal.metrics.http');
  if (g[started]) return;
  g[started] = true;
  const patterns = loadRoutePatterns();
  const startedAt = new WeakMap<ServerResponse, bigint>();
  const { httpDuration } = metrics();
  subscribe('http.server.request.start', (message) => {
    startedAt.set((message as { response: ServerResponse }).response, process.hrtime.bigint());
  });
  subscribe('http.server.response.finish', (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const start = startedAt.get(response);
    if (start === undefined) return;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    httpDuration.observe(
      { route: routeLabel(request.url ?? '/', patterns), method: request.method ?? 'GET', status: String(response.statusCode) },
      seconds,
    );
  });
}
