import 'server-only';
import { LRUCache } from 'lru-cache';
import { decode, type JWT, type JWTDecodeParams } from 'next-auth/jwt';
import { config } from '@/lib/config';
import { SESSION_COOKIE } from '@/lib/routes';

/** `__Host-` prefixed and Secure when the portal is served over https (production). */
export function sessionCookieName(): string {
  return secureCookies() ? SESSION_COOKIE.secure : SESSION_COOKIE.plain;
}

export function secureCookies(): boolean {
  return config().APP_URL.startsWith('https://');
}

/**
 * Payloads of session cookies this process has decrypted, each until the cookie's own expiry.
 * Decrypting (Auth.js: an HKDF key, its thumbprint, AES-CBC with HMAC) cost ~13 % of the cheapest
 * signed-in request and ~3 % of a page (issue 17, decision 025), and the same cookie always decrypts to
 * the same payload. Only cookies that decrypted are kept, so nobody fills it with junk; the session row
 * is still checked on every request, so a cookie whose session ended finds no viewer. Bounded, and a
 * cache only: another instance decrypts for itself.
 */
const decrypted = new LRUCache<string, { payload: JWT; until: number }>({ max: 2000 });

/** Auth.js's `decode`, remembered per cookie: the viewer (lib/auth/viewer.ts) and Auth.js's own routes use it. */
export async function decodeSessionCookie(params: JWTDecodeParams): Promise<JWT | null> {
  if (!params.token) return null;
  // The secret too: a payload decrypted with one secret is never handed out under another.
  const key = `${params.salt}\n${String(params.secret)}\n${params.token}`;
  const known = decrypted.get(key);
  if (known && known.until > Date.now()) return { ...known.payload };
  const payload = await decode(params);
  if (payload && typeof payload.exp === 'number' && payload.exp * 1000 > Date.now())
    decrypted.set(key, { payload: { ...payload }, until: payload.exp * 1000 });
  return payload;
}
