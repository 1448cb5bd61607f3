import 'server-only';
import { createHash } from 'node:crypto';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import { getDb } from '@/db';
import { rateLimits } from '@/db/schema';
import { config } from '@/lib/config';

/**
 * Rate limits kept in the database (rate-limiter-flexible's RateLimiterDrizzle), so they hold across
 * instances. Limits scale with RATE_LIMIT_SCALE (tests from one address raise it).
 */
interface Rule {
  points: number;
  duration: number;
  blockDuration?: number;
}

export const RULES = {
  /** Failed sign-ins per account + address: about 6 a minute, then a pause… */
  signInAccount: { points: 6, duration: 60, blockDuration: 60 },
  /** …and escalating: 20 failures in an hour block that account + address for 30 minutes. */
  signInAccountLong: { points: 20, duration: 3600, blockDuration: 1800 },
  /** Sign-in attempts per address (an IPv6 /64), whatever the account. */
  signInIp: { points: 60, duration: 600, blockDuration: 600 },
  /**
   * Failed sign-ins per account from any address, counted over a day: past `points`, every further
   * failure makes the account wait longer before the next try (lib/auth/throttle.ts), never a lock-out.
   */
  signInAccountFailures: { points: 10, duration: 86_400 },
  /** The account's current wait (blocked for a length lib/auth/throttle.ts chooses). */
  signInAccountDelay: { points: 1, duration: 1 },
  /** The owner is told about repeated failures at most once in this window. */
  signInFailureNotice: { points: 1, duration: 86_400 },
  /** Failed sign-ins across the portal: past this, browsers unknown to the account are refused for a while. */
  signInGlobal: { points: 300, duration: 300, blockDuration: 600 },
  register: { points: 10, duration: 3600 },
  /** Emails (verification, "already registered", password reset) sent to one address, whoever asks. */
  mailbox: { points: 3, duration: 3600 },
  /** Type-ahead look-ups from the registration form, per IP. */
  lookup: { points: 120, duration: 60 },
  passwordReset: { points: 5, duration: 3600 },
  /** Second-factor codes and re-authentication attempts per account (a six-digit code must not be guessable). */
  secondFactor: { points: 10, duration: 900, blockDuration: 900 },
  /** Content-Security-Policy violation reports per client address (app/api/csp-report). */
  cspReport: { points: 30, duration: 60 },
  /** Invitations a focal point sends (each emails an address outside the portal). */
  invitation: { points: 20, duration: 86_400 },
  /** Authenticated form submissions per member (generous; stops scripted floods). */
  memberAction: { points: 120, duration: 60 },
  /** File uploads to the resource library per member. */
  upload: { points: 30, duration: 600 },
  /** Requests for a copy of one's own data (decision 020): each builds a zip of everything. */
  dataExport: { points: 3, duration: 86_400 },
  /** Authorization failures recorded in the audit log per member (lib/audit/denied.ts); past it they are only counted. */
  authzDenied: { points: 10, duration: 60 },
  /** Direct messages (decision 023): new conversations a member starts per day… */
  conversationStart: { points: 20, duration: 86_400 },
  /** …and, in their first 7 days, at most this many a day. */
  conversationStartNewMember: { points: 5, duration: 86_400 },
  /** Messages a member sends per minute. */
  directMessage: { points: 20, duration: 60 },
  /** Reports (decision 029) a member files per hour: enough for real concerns, not for a flood. */
  report: { points: 20, duration: 3600 },
  /** File downloads per member (generous; stops scripted scraping). */
  download: { points: 600, duration: 600 },
} satisfies Record<string, Rule>;
export type RuleName = keyof typeof RULES;

const KEY = Symbol.for('protectors-portal.rate-limiters');
type GlobalWithLimiters = typeof globalThis & { [KEY]?: Map<string, RateLimiterDrizzle> };

function limiter(name: RuleName): RateLimiterDrizzle {
  const g = globalThis as GlobalWithLimiters;
  const cache = (g[KEY] ??= new Map());
  const db = getDb();
  const cacheKey = name;
  let found = cache.get(cacheKey);
  if (!found || (found as unknown as { drizzleClient: unknown }).drizzleClient !== db) {
    const rule: Rule = RULES[name];
    found = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: name,
      points: pointsOf(name),
      duration: rule.duration,
      blockDuration: rule.blockDuration ?? 0,
      clearExpiredByTimeout: false,
    });
    cache.set(cacheKey, found);
  }
  return found;
}

/**
 * Keys are stored hashed: they hold emails and addresses (personal data), and an account key made of a
 * 254-character email and an IPv6 address would not fit the store's varchar(255), failing the query.
 */
const storeKey = (key: string) => createHash('sha256').update(key).digest('base64url');

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

function refused(res: unknown): LimitResult {
  if (res instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
  throw res;
}

/** Spends one point; refused once the rule's points are used up within its window. */
export async function consume(name: RuleName, key: string): Promise<LimitResult> {
  try {
    await limiter(name).consume(storeKey(key));
    return { ok: true };
  } catch (res) {
    return refused(res);
  }
}

/** Checks without spending (for limits that count only failures). */
export async function check(name: RuleName, key: string): Promise<LimitResult> {
  const res = await limiter(name).get(storeKey(key));
  const blocked = res && res.remainingPoints <= 0 && res.msBeforeNext > 0;
  return blocked ? { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) } : { ok: true };
}

/** Spends one point and says how many have been spent in the window, also past the limit. */
export async function count(name: RuleName, key: string): Promise<number> {
  try {
    return (await limiter(name).consume(storeKey(key))).consumedPoints;
  } catch (res) {
    if (res instanceof RateLimiterRes) return res.consumedPoints;
    throw res;
  }
}

/** Blocks a key for `seconds` (check() refuses it until then). */
export async function block(name: RuleName, key: string, seconds: number): Promise<void> {
  await limiter(name).block(storeKey(key), Math.max(1, Math.round(seconds)));
}

/** A rule's limit as configured (scaled by RATE_LIMIT_SCALE). */
export function pointsOf(name: RuleName): number {
  return Math.max(1, Math.round(RULES[name].points * config().RATE_LIMIT_SCALE));
}

export async function reset(name: RuleName, key: string): Promise<void> {
  await limiter(name).delete(storeKey(key));
}
