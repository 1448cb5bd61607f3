import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRoutePatterns, metrics, routeLabel } from './metrics';

describe('routeLabel', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-routes-'));
  const manifest = path.join(dir, 'routes-manifest.json');
  writeFileSync(
    manifest,
    JSON.stringify({
      staticRoutes: [
        { page: '/spaces', regex: '^/spaces(?:/)?$' },
        { page: '/spaces/new', regex: '^/spaces/new(?:/)?$' },
      ],
      dynamicRoutes: [
        { page: '/spaces/[slug]', regex: '^/spaces/([^/]+?)(?:/)?$' },
        { page: '/threads/[id]', regex: '^/threads/([^/]+?)(?:/)?$' },
      ],
    }),
  );
  const patterns = loadRoutePatterns(manifest);
  rmSync(dir, { recursive: true, force: true });

  it('names a request by its route pattern, never by its path', () => {
    expect(routeLabel('/threads/9f0c2d7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f?page=2', patterns)).toBe('/threads/[id]');
    expect(routeLabel('/spaces/new', patterns)).toBe('/spaces/new');
    expect(routeLabel('/spaces/general.rsc', patterns)).toBe('/spaces/[slug]');
    expect(routeLabel('/_next/static/chunks/x.js', patterns)).toBe('/_next/*');
    expect(routeLabel('/no/such/page', patterns)).toBe('other');
  });

  it('answers "other" for everything without a build', () => {
    expect(routeLabel('/threads/1', loadRoutePatterns('/nonexistent/routes-manifest.json'))).toBe('other');
  });
});

describe('metrics', () => {
  it('is one registry per process, in the Prometheus text format', async () => {
    expect(metrics()).toBe(metrics());
    // Other test files in this worker's process may have counted sign-in failures already (vitest.config.ts).
    const counted = (text: string) => Number(/^pp_sign_in_failures_total\{reason="invalid"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    const before = counted(await metrics().registry.metrics());
    metrics().signInFailures.inc({ reason: 'invalid' });
    const text = await metrics().registry.metrics();
    expect(counted(text)).toBe(before + 1);
    expect(text).toMatch(/^pp_sign_in_failures_total\{reason="invalid"\} \d+$/m);
    expect(text).toContain('# TYPE pp_http_request_duration_seconds histogram');
  });
});
