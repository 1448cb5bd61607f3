import 'server-only';
import { config } from '@/lib/config';

/** `__Host-` prefixed and Secure when the portal is served over https (production). */
export function sessionCookieName(): string {
  return secureCookies() ? '__Host-pp.session' : 'pp.session';
}

export function secureCookies(): boolean {
  return config().APP_URL.startsWith('https://');
}

/** Names proxy.ts looks for (it cannot read configuration): either form means "has a session cookie". */
export const SESSION_COOKIE_NAMES = ['__Host-pp.session', 'pp.session'] as const;
