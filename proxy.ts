import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_ID_HEADER, requestIdFor } from './lib/request-id';
import { isMemberPath, SESSION_COOKIE_NAMES } from './lib/routes';

/**
 * Only three jobs (no database here): a request id and a fresh CSP nonce for every page, and sending a
 * visitor without a session cookie from member and admin pages to sign-in. Whether the session is valid,
 * and what the viewer may see, is decided later, on the server, for every request.
 */
export const CSP_REPORT_PATH = '/api/csp-report';

export function contentSecurityPolicy(nonce: string, dev: boolean, https: boolean): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    // Inline style attributes are allowed for UI primitives (positioning); inline scripts never are.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' blob: data:`,
    `font-src 'self'`,
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(https ? ['upgrade-insecure-requests'] : []),
    // Violations are logged by app/api/csp-report (report-to for browsers with the Reporting API).
    `report-uri ${CSP_REPORT_PATH}`,
    `report-to csp`,
  ].join('; ');
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // An id a reverse proxy in front sent is kept only when the portal is told to trust one (TRUSTED_PROXIES).
  const requestId = requestIdFor(request.headers.get(REQUEST_ID_HEADER), Number(process.env.TRUSTED_PROXIES || 0) > 0);
  const member = isMemberPath(pathname);
  if (member && !SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = '';
    url.searchParams.set('next', `${pathname}${search}`);
    const redirect = NextResponse.redirect(url);
    redirect.headers.set('X-Request-Id', requestId);
    return redirect;
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development', request.nextUrl.protocol === 'https:');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set('x-pathname', `${pathname}${search}`);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('Reporting-Endpoints', `csp="${CSP_REPORT_PATH}"`);
  response.headers.set('X-Request-Id', requestId);
  // HSTS is decided when the server runs (not at build time): only a production portal served over https.
  if (process.env.NODE_ENV === 'production' && process.env.APP_URL?.startsWith('https://')) {
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  }
  if (member || pathname.startsWith('/dev')) {
    response.headers.set('X-Robots-Tag', 'noindex, nofollow');
    response.headers.set('Cache-Control', 'private, no-store');
  }
  return response;
}

/**
 * Not /api: Next.js buffers a request body for the proxy (10 MB at most), which would cut streamed
 * uploads short. Route handlers take their request id from lib/logger's routeLogger instead.
 */
export const config = {
  matcher: [{ source: '/((?!api|_next/static|_next/image|favicon.ico|icon.svg|fonts/).*)' }],
};
