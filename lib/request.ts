import 'server-only';
import { headers } from 'next/headers';
import { config } from './config';

export interface RequestInfo {
  ip: string;
  userAgent: string;
}

/**
 * The client address. Behind N trusted proxies, each appends the address it received the request from
 * to X-Forwarded-For, so the client is the Nth entry from the right; entries further left were written
 * by the client itself and are never trusted. Without a proxy (N = 0), `next start` fills the header with
 * the socket's peer only when the request has none (it never appends), so the last entry is the peer, or
 * a value the client made up: expose the portal through a reverse proxy in production.
 */
export function clientIpFrom(forwardedFor: string | null, trustedProxies: number, realIp?: string | null): string {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const picked = hops.length ? hops[Math.max(0, hops.length - Math.max(1, trustedProxies))] : realIp;
  return (picked ?? 'unknown').replace(/^::ffff:/, '').slice(0, 64);
}

export async function requestInfo(): Promise<RequestInfo> {
  const h = await headers();
  return {
    ip: clientIpFrom(h.get('x-forwarded-for'), config().TRUSTED_PROXIES, h.get('x-real-ip')),
    userAgent: (h.get('user-agent') ?? '').slice(0, 400),
  };
}
