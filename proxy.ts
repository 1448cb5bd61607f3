import { NextResponse, type NextRequest } from 'next/server';

/**
 * Only two jobs (no database here): a fresh CSP nonce for every page, and sending a visitor without a
 * session cookie from member and admin pages to sign-in. Whether the session is valid, and what the
 * viewer may see, is decided later, on the server, for every request.
 */
const MEMBER_PREFIXES = [
  '/home', '/directory', '/organisations', '/people', '/spaces', '/threads', '/resources',
  '/search', '/notifications', '/settings', '/admin',
];
const SESSION_COOKIES = ['__Host-pp.session', 'pp.session'];

export function isMemberPath(pathname: string): boolean {
  return MEMBER_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

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
  ].join('; ');
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const member = isMemberPath(pathname);
  if (member && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = '';
    url.searchParams.set('next', `${pathname}${search}`);
    return NextResponse.redirect(url);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development', request.nextUrl.protocol === 'https:');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('x-pathname', `${pathname}${search}`);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
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

export const config = {
  matcher: [{ source: '/((?!api|_next/static|_next/image|favicon.ico|icon.svg|fonts/).*)' }],
};
