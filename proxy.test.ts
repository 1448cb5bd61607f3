import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { config, contentSecurityPolicy, proxy } from './proxy';
import { isMemberPath } from './lib/routes';

const MEMBER_PAGES = [
  '/home',
  '/directory',
  '/directory/people',
  '/organisations/shelter-network',
  '/people/4b6f1c1e-2f1a-4c1b-9a1e-0d3f6c2b7a10',
  '/spaces',
  '/spaces/general',
  '/threads/42',
  '/resources',
  '/resources/7',
  '/search',
  '/notifications',
  '/settings/security',
  '/admin',
  '/admin/applications',
  '/admin/users',
  '/admin/organisations',
  '/admin/audit',
];
const PUBLIC_PAGES = [
  '/',
  '/sign-in',
  '/register',
  '/verify-email',
  '/forgot-password',
  '/reset-password',
  '/guidelines',
  '/homeless',
  '/administrators',
];

const anonymous = (path: string) => new NextRequest(`http://localhost${path}`);
function signedIn(path: string, cookie = 'pp.session') {
  return new NextRequest(`http://localhost${path}`, { headers: { cookie: `${cookie}=some.jwt.value` } });
}
const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];

describe('proxy', () => {
  it.each(MEMBER_PAGES)('sends an anonymous visitor from %s to sign-in, coming back afterwards', (path) => {
    const response = proxy(anonymous(path));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin).toBe('http://localhost');
    expect(location.pathname).toBe('/sign-in');
    expect([...location.searchParams.keys()]).toEqual(['next']);
    expect(location.searchParams.get('next')).toBe(path);
  });

  it('keeps the query string in next', () => {
    const location = new URL(proxy(anonymous('/search?q=shelter&page=2')).headers.get('location')!);
    expect(location.searchParams.get('next')).toBe('/search?q=shelter&page=2');
  });

  it('redirects when the only cookie is an unrelated one', () => {
    const request = new NextRequest('http://localhost/home', { headers: { cookie: 'locale=en; authjs.csrf-token=x' } });
    expect(proxy(request).status).toBe(307);
  });

  it.each(MEMBER_PAGES)('lets %s through with a session cookie, with a nonce CSP and noindex', (path) => {
    for (const cookie of ['pp.session', '__Host-pp.session']) {
      const response = proxy(signedIn(path, cookie));
      expect(response.status).toBe(200);
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.get('x-middleware-next')).toBe('1');
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("frame-ancestors 'none'");
      expect(nonceOf(csp)).toBeTruthy();
      expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      // The page renders with the same nonce (passed on as a request header).
      expect(response.headers.get('x-middleware-request-x-nonce')).toBe(nonceOf(csp));
      expect(response.headers.get('x-middleware-request-x-pathname')).toBe(path);
    }
  });

  it.each(PUBLIC_PAGES)('does not redirect the public page %s, and still sets the CSP', (path) => {
    const response = proxy(anonymous(path));
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
    expect(nonceOf(response.headers.get('content-security-policy')!)).toBeTruthy();
    expect(response.headers.get('x-robots-tag')).toBeNull();
  });

  it('makes a new nonce for every request', () => {
    const nonces = new Set(Array.from({ length: 20 }, () => nonceOf(proxy(signedIn('/home')).headers.get('content-security-policy')!)));
    expect(nonces.size).toBe(20);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
  });

  it('keeps the development outbox out of search engines and caches', () => {
    const response = proxy(anonymous('/dev/outbox'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('does not run for API routes and static assets', () => {
    const matcher = new RegExp(`^${config.matcher[0]!.source}$`);
    expect(matcher.test('/home')).toBe(true);
    expect(matcher.test('/')).toBe(true);
    for (const path of ['/api/auth/session', '/api/events', '/_next/static/chunk.js', '/favicon.ico', '/fonts/inter.woff2'])
      expect(matcher.test(path)).toBe(false);
  });
});

describe('request id', () => {
  afterEach(() => vi.unstubAllEnvs());
  const forwarded = (id: string) => new NextRequest('http://localhost/guidelines', { headers: { 'x-request-id': id } });

  it('gives every request a fresh id, passed to the server and returned to the browser', () => {
    const first = proxy(anonymous('/guidelines'));
    const second = proxy(anonymous('/guidelines'));
    const id = first.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get('x-request-id')).not.toBe(id);
    expect(first.headers.get('x-middleware-request-x-request-id')).toBe(id);
  });

  it('returns it on the redirect to sign-in too', () => {
    expect(proxy(anonymous('/home')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the id of a trusted reverse proxy, and only a well-formed one', () => {
    expect(proxy(forwarded('0123456789abcdef0123456789abcdef')).headers.get('x-request-id')).not.toBe('0123456789abcdef0123456789abcdef');
    vi.stubEnv('TRUSTED_PROXIES', '1');
    expect(proxy(forwarded('0123456789abcdef0123456789abcdef')).headers.get('x-request-id')).toBe('0123456789abcdef0123456789abcdef');
    expect(proxy(forwarded('bad id <script>')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('isMemberPath', () => {
  it('matches whole segments only', () => {
    expect(isMemberPath('/admin')).toBe(true);
    expect(isMemberPath('/admin/users')).toBe(true);
    expect(isMemberPath('/administrators')).toBe(false);
    expect(isMemberPath('/homepage')).toBe(false);
    expect(isMemberPath('/sign-in')).toBe(false);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows no inline or foreign scripts, plugins, base changes or framing', () => {
    const csp = contentSecurityPolicy('abc123', false, true);
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives['script-src']).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directives['script-src']).not.toContain('unsafe-inline');
    expect(directives['script-src']).not.toContain('unsafe-eval');
    expect(directives['object-src']).toBe("'none'");
    expect(directives['base-uri']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(directives['form-action']).toBe("'self'");
    expect(directives['default-src']).toBe("'self'");
    expect(csp).toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy('abc123', false, false)).not.toContain('upgrade-insecure-requests');
  });

  it('sends violations to the report endpoint, both ways browsers report', () => {
    const csp = contentSecurityPolicy('n', false, false);
    expect(csp).toContain('report-uri /api/csp-report');
    expect(csp).toContain('report-to csp');
    expect(proxy(new NextRequest('http://localhost/sign-in')).headers.get('reporting-endpoints')).toBe('csp="/api/csp-report"');
  });

  it('allows eval and websockets only in development (hot reload)', () => {
    expect(contentSecurityPolicy('n', true, false)).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy('n', true, false)).toContain('ws:');
    expect(contentSecurityPolicy('n', false, false)).not.toContain('ws:');
  });
});

describe('Strict-Transport-Security', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is sent by a production portal whose APP_URL is https, and only then', () => {
    const page = () => proxy(new NextRequest('http://localhost/sign-in')).headers.get('strict-transport-security');
    expect(page()).toBeNull();
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('APP_URL', 'http://localhost:3300');
    expect(page()).toBeNull();
    vi.stubEnv('APP_URL', 'https://portal.example.org');
    expect(page()).toMatch(/max-age=\d+/);
  });
});
