import 'server-only';
import { addressKey } from '@/lib/request';
import { block, check, consume, count, pointsOf, reset } from '@/lib/rate-limit';

/**
 * How failed sign-ins are limited (decision 012), whatever address a client claims:
 * - per account, from any address: past RULES.signInAccountFailures (10 a day) every further failure
 *   makes the account wait longer (1, 2, 4 … up to 15 minutes) before the next try. Never a lock-out:
 *   an attacker can slow the owner down, not shut them out, and a browser the account has signed in from
 *   before is not held up by it;
 * - per account + address, and per address (an IPv6 /64): short pauses that stop one machine early;
 * - across the portal: past RULES.signInGlobal failures in 5 minutes (credential stuffing), browsers
 *   that never signed in to the account are refused for 10 minutes; known browsers still sign in.
 * With no usable address ("unknown") the per-address limits are skipped: account and global ones remain.
 * Attempts refused here never reach the password check, so they cannot be used to guess.
 */
export interface Attempt {
  /** The email as typed (normalised), whether or not an account has it. */
  email: string;
  ip: string;
  /** The browser has signed in to this account before (lib/auth/devices.ts). */
  knownDevice: boolean;
}

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number; limit: 'address' | 'account' | 'global' };

const DELAY_BASE_SECONDS = 60;
const DELAY_MAX_SECONDS = 15 * 60;
export const GLOBAL_KEY = 'all-accounts';

const accountKey = (email: string) => `account:${email}`;
const pairKey = (a: Attempt) => `${a.email}|${addressKey(a.ip)}`;
const hasAddress = (a: Attempt) => a.ip !== 'unknown';

/** The wait after `failures` failures in the window: none up to the threshold, then doubling up to 15 minutes. */
export function delayAfter(failures: number, threshold = pointsOf('signInAccountFailures')): number {
  if (failures < threshold) return 0;
  return Math.min(DELAY_MAX_SECONDS, DELAY_BASE_SECONDS * 2 ** Math.min(20, failures - threshold));
}

/** Whether an attempt may go on to the password check. Spends one per-address point. */
export async function mayAttempt(a: Attempt): Promise<Verdict> {
  const refused = (limit: 'address' | 'account' | 'global', r: { retryAfterSeconds: number }): Verdict => ({
    ok: false,
    limit,
    retryAfterSeconds: r.retryAfterSeconds,
  });
  if (hasAddress(a)) {
    const address = await consume('signInIp', addressKey(a.ip));
    if (!address.ok) return refused('address', address);
    for (const rule of ['signInAccount', 'signInAccountLong'] as const) {
      const pair = await check(rule, pairKey(a));
      if (!pair.ok) return refused('address', pair);
    }
  }
  if (!a.knownDevice) {
    const delay = await check('signInAccountDelay', accountKey(a.email));
    if (!delay.ok) return refused('account', delay);
    const global = await check('signInGlobal', GLOBAL_KEY);
    if (!global.ok) return refused('global', global);
  }
  return { ok: true };
}

/**
 * Counts a failed password check. Returns true when this failure reached the account's threshold and
 * its owner has not been told in the last day (the caller emails them when the account exists).
 */
export async function failed(a: Attempt): Promise<{ tellOwner: boolean }> {
  if (hasAddress(a)) {
    await consume('signInAccount', pairKey(a));
    await consume('signInAccountLong', pairKey(a));
  }
  await consume('signInGlobal', GLOBAL_KEY);
  const failures = await count('signInAccountFailures', accountKey(a.email));
  const wait = delayAfter(failures);
  if (wait > 0) await block('signInAccountDelay', accountKey(a.email), wait);
  const tellOwner = wait > 0 && (await consume('signInFailureNotice', accountKey(a.email))).ok;
  return { tellOwner };
}

/** A right password: the account's failures (and those from this address) are forgotten. */
export async function succeeded(a: Attempt): Promise<void> {
  await reset('signInAccountFailures', accountKey(a.email));
  await reset('signInAccountDelay', accountKey(a.email));
  if (hasAddress(a)) await reset('signInAccount', pairKey(a));
}
