import 'server-only';
import { and, eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { getDb } from '@/db';
import { sessions } from '@/db/schema';
import { secureCookies } from './cookie';
import { newSecret, sha256 } from './tokens';

/**
 * A long-lived random cookie that names a browser (never an account): a session row keeps its SHA-256,
 * so a sign-in from a browser the account has never used is told to the owner, and a known browser is
 * not held up by the per-account delay or the global circuit (lib/auth/throttle.ts).
 */
const DEVICE_COOKIE = { secure: '__Host-pp.device', plain: 'pp.device' } as const;
const MAX_AGE_SECONDS = 400 * 86_400;
const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

/** This browser's device id, made and set (in a server action or route handler) when it has none. */
export async function browserDevice(): Promise<string> {
  const jar = await cookies();
  const name = secureCookies() ? DEVICE_COOKIE.secure : DEVICE_COOKIE.plain;
  const existing = jar.get(name)?.value;
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const { raw } = newSecret();
  jar.set(name, raw, { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: '/', maxAge: MAX_AGE_SECONDS });
  return raw;
}

/**
 * Whether the account has had a session from this browser, and whether it has had any session at all.
 * The same query runs for an unknown email (no account id), so the answer takes the same time.
 */
export async function deviceHistory(userId: string | undefined, device: string | undefined): Promise<{ known: boolean; anySession: boolean }> {
  const rows = await getDb()
    .select({ deviceHash: sessions.deviceHash })
    .from(sessions)
    .where(and(eq(sessions.userId, userId ?? NO_ACCOUNT), device ? eq(sessions.deviceHash, sha256(device)) : undefined))
    .limit(1);
  if (rows.length) return { known: !!device, anySession: true };
  if (!device) return { known: false, anySession: false };
  const [any] = await getDb()
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.userId, userId ?? NO_ACCOUNT))
    .limit(1);
  return { known: false, anySession: !!any };
}
