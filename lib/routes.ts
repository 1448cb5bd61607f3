/**
 * Paths and cookie names shared by proxy.ts (which cannot read configuration or the database) and the
 * server code. No `server-only`: the proxy imports it.
 */

/** Pages behind sign-in: an anonymous request for any of them goes to /sign-in?next=…. */
export const MEMBER_PREFIXES = [
  '/home',
  '/directory',
  '/organisations',
  '/people',
  '/spaces',
  '/threads',
  '/resources',
  '/search',
  '/notifications',
  '/settings',
  '/admin',
] as const;

export function isMemberPath(pathname: string): boolean {
  return MEMBER_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** The session cookie: `__Host-` prefixed (and Secure) when the portal is served over https. */
export const SESSION_COOKIE = { secure: '__Host-pp.session', plain: 'pp.session' } as const;
export const SESSION_COOKIE_NAMES = [SESSION_COOKIE.secure, SESSION_COOKIE.plain] as const;
