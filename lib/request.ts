import 'server-only';
import { isIPv6 } from 'node:net';
import { headers } from 'next/headers';
import { config } from './config';

export interface RequestInfo {
  ip: string;
  userAgent: string;
  /** The browser's device cookie, when a sign-in needs it (lib/auth/devices.ts). */
  device?: string;
}

/** Set by scripts/server.mjs, in the same process: it wrote X-Forwarded-For from the socket (decision 012). */
const PEER_FROM_SOCKET = Symbol.for('protectors-portal.peer-from-socket');

export function peerFromSocket(): boolean {
  return (globalThis as Record<symbol, unknown>)[PEER_FROM_SOCKET] === true;
}

/**
 * The client address, never one a client chose.
 * - No proxy (N = 0): the portal's server (scripts/server.mjs) removes every forwarding header a client
 *   sent and sets X-Forwarded-For to the socket's peer; that one entry is the address. Without that
 *   server (a bare `next start`) nothing tells the peer from a client's header: "unknown".
 * - Behind N trusted proxies, each appends the address it received the request from, so the client is
 *   the Nth entry from the right; entries further left were written by the client and are never used.
 * X-Real-IP and Forwarded are never read.
 */
export function clientIpFrom(forwardedFor: string | null, trustedProxies: number, peerSetByServer: boolean): string {
  if (trustedProxies === 0 && !peerSetByServer) return 'unknown';
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const picked = hops.length ? hops[Math.max(0, hops.length - Math.max(1, trustedProxies))] : undefined;
  return (picked ?? 'unknown').replace(/^::ffff:/i, '').slice(0, 64);
}

/**
 * What per-address limits count: an IPv4 address as it is, an IPv6 address by its /64 (one subscriber
 * usually holds a whole /64, so counting single addresses would let them rotate freely), "unknown" as one
 * shared bucket.
 */
export function addressKey(ip: string): string {
  const bare = ip.replace(/%.*$/, '');
  if (!isIPv6(bare)) return ip;
  const [head = '', tail = ''] = bare.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::a.b.c.d) sits in the last 64 bits, which are dropped anyway.
  const groups = bare.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export async function requestInfo(): Promise<RequestInfo> {
  const h = await headers();
  return {
    ip: clientIpFrom(h.get('x-forwarded-for'), config().TRUSTED_PROXIES, peerFromSocket()),
    userAgent: (h.get('user-agent') ?? '').slice(0, 400),
  };
}
