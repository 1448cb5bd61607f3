import 'server-only';
import { config } from '@/lib/config';
import { SESSION_COOKIE } from '@/lib/routes';

/** `__Host-` prefixed and Secure when the portal is served over https (production). */
export function sessionCookieName(): string {
  return secureCookies() ? SESSION_COOKIE.secure : SESSION_COOKIE.plain;
}

export function secureCookies(): boolean {
  return config().APP_URL.startsWith('https://');
}
