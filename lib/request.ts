import 'server-only';
import { headers } from 'next/headers';
import { config } from './config';

export interface RequestInfo {
  ip: string;
  userAgent: string;
}

/**
 * The client address. `next start` appends the socket's peer to X-Forwarded-For, so the last entry is
 * the direct peer; behind N trusted proxies the client is the entry N places before it. Entries a client
 * wrote itself (further left) are never trusted.
 */
export function clientIpFrom(forwardedFor: string | null, trustedProxies: number, realIp?: string | null): string {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const picked = hops.length ? hops[Math.max(0, hops.length - 1 - trustedProxies)] : realIp;
  return (picked ?? 'unknown').replace(/^::ffff:/, '').slice(0, 64);
}

export async function requestInfo(): Promise<RequestInfo> {
  const h = await headers();
  return {
    ip: clientIpFrom(h.get('x-forwarded-for'), config().TRUSTED_PROXIES, h.get('x-real-ip')),
    userAgent: (h.get('user-agent') ?? '').slice(0, 400),
  };
}
