import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '@/lib/logger';
import { actAs } from '@/testing/request-scope';
import { POST } from './route';

vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);
vi.mock('next-intl/server', async () => (await import('@/testing/request-scope')).nextIntlServer);

const report = (body: string, type = 'application/csp-report') =>
  POST(new Request('http://portal.test/api/csp-report', { method: 'POST', headers: { 'content-type': type }, body }), undefined as never);

/** What the route logged: the `csp` field of each warning. */
function logged() {
  const warn = vi.spyOn(logger, 'child').mockReturnValue(Object.assign(Object.create(logger), { warn: vi.fn() }));
  return () => warn.mock.results.flatMap((r) => (r.value as { warn: ReturnType<typeof vi.fn> }).warn.mock.calls.map((c) => c[0].csp));
}

afterEach(() => vi.restoreAllMocks());

describe('CSP reports go to a report endpoint that logs them (rate-limited)', () => {
  it('logs a report-uri report without the query of its addresses, and answers 204', async () => {
    await actAs(null);
    const calls = logged();
    const response = await report(
      JSON.stringify({
        'csp-report': {
          'document-uri': 'http://portal.test/reset-password?token=secret-token',
          'blocked-uri': 'inline',
          'violated-directive': 'script-src',
          'line-number': 3,
        },
      }),
    );
    expect(response.status).toBe(204);
    expect(calls()).toEqual([{ document: 'http://portal.test/reset-password', blocked: 'inline', directive: 'script-src', line: 3 }]);
    expect(JSON.stringify(calls())).not.toContain('secret-token');
  });

  it('logs Reporting API reports, and refuses what is neither form or too large', async () => {
    await actAs(null);
    const calls = logged();
    const body = [
      {
        type: 'csp-violation',
        body: { documentURL: 'http://portal.test/home#x', blockedURL: 'https://evil.example/a.js?q=1', effectiveDirective: 'script-src-elem' },
      },
    ];
    expect((await report(JSON.stringify(body), 'application/reports+json')).status).toBe(204);
    expect(calls()).toEqual([{ document: 'http://portal.test/home', blocked: 'https://evil.example/a.js', directive: 'script-src-elem' }]);
    expect((await report('not json')).status).toBe(400);
    expect((await report(JSON.stringify({ hello: 'world' }))).status).toBe(400);
    expect((await report(JSON.stringify({ 'csp-report': { 'document-uri': 'x'.repeat(20_000) } }))).status).toBe(413);
  });

  it('is limited per client address', async () => {
    await actAs(null);
    logged();
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await report(JSON.stringify({ 'csp-report': { 'blocked-uri': 'eval' } }))).status);
    expect(statuses.slice(0, 25).every((s) => s === 204)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
