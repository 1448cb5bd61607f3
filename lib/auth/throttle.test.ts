import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { outbox, sessions } from '@/db/schema';
import { block } from '@/lib/rate-limit';
import { requestInfo } from '@/lib/request';
import { scrubForwarding } from '@/scripts/forwarding.mjs';
import { createUser, TEST_PASSWORD } from '@/testing/factories';
import { scope } from '@/testing/request-scope';
import { authenticate } from './authenticate';
import { delayAfter, GLOBAL_KEY } from './throttle';

vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);

/**
 * A request as the portal's server hands it to Next.js (scripts/server.mjs, TRUSTED_PROXIES=0): the
 * headers the client sent go through the same scrubbing, then lib/request.ts reads the address.
 */
async function fromSocket(peer: string, sent: Record<string, string> = {}) {
  const headers = scrubForwarding({ 'user-agent': 'vitest', ...sent }, peer, 0);
  scope.headers = new Headers(headers as Record<string, string>);
  return requestInfo();
}

const forged = (i: number) => ({
  'x-forwarded-for': `10.${i}.0.1, 172.16.${i}.9`,
  'x-real-ip': `192.0.2.${i}`,
  forwarded: `for=198.51.100.${i}`,
});

const noticesTo = (email: string) =>
  getDb()
    .select()
    .from(outbox)
    .where(and(eq(outbox.to, email), eq(outbox.template, 'noticeSignInFailures')));

describe('sign-in throttling', () => {
  it('throttles 30 failed sign-ins with a different forged address header each exactly as without the header', async () => {
    const run = async (peer: string, headers: (i: number) => Record<string, string>) => {
      const user = await createUser();
      const outcomes: string[] = [];
      for (let i = 0; i < 30; i++) {
        const info = await fromSocket(peer, headers(i));
        expect(info.ip).toBe(peer);
        const outcome = await authenticate(user.email, `wrong password ${i}`, info);
        outcomes.push(outcome.ok ? 'ok' : outcome.code);
      }
      const withRightPassword = await authenticate(user.email, TEST_PASSWORD, await fromSocket(peer, headers(99)));
      return { outcomes, withRightPassword };
    };
    const plain = await run('198.51.100.20', () => ({}));
    const spoofed = await run('198.51.100.21', forged);
    expect(spoofed).toEqual(plain);
    expect(plain.outcomes.slice(0, 6)).toEqual(Array(6).fill('invalid'));
    expect(plain.outcomes.slice(6)).toEqual(Array(24).fill('rate_limited'));
    expect(plain.withRightPassword).toEqual({ ok: false, code: 'rate_limited' });
  });

  it('slows an account down after 10 failures from any number of real addresses, and tells its owner once', async () => {
    const user = await createUser();
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) {
      const outcome = await authenticate(user.email, `guess ${i}`, { ip: `203.0.${i}.7`, userAgent: 'bot' });
      outcomes.push(outcome.ok ? 'ok' : outcome.code);
    }
    expect(outcomes.slice(0, 10)).toEqual(Array(10).fill('invalid'));
    expect(outcomes.slice(10)).toEqual(Array(20).fill('rate_limited'));
    // The right password from yet another address must wait too: refused attempts never reach the password check.
    expect(await authenticate(user.email, TEST_PASSWORD, { ip: '203.0.200.1', userAgent: 'bot' })).toEqual({ ok: false, code: 'rate_limited' });
    expect(await noticesTo(user.email)).toHaveLength(1);
  });

  it('is not a lock-out: a browser that signed in to the account before still gets in', async () => {
    const user = await createUser();
    const device = 'd'.repeat(43);
    expect((await authenticate(user.email, TEST_PASSWORD, { ip: '203.0.113.40', userAgent: 'owner', device })).ok).toBe(true);
    for (let i = 0; i < 12; i++) await authenticate(user.email, `guess ${i}`, { ip: `198.18.${i}.1`, userAgent: 'bot' });
    expect(await authenticate(user.email, TEST_PASSWORD, { ip: '198.18.99.1', userAgent: 'bot', device: 'e'.repeat(43) })).toEqual({
      ok: false,
      code: 'rate_limited',
    });
    expect((await authenticate(user.email, TEST_PASSWORD, { ip: '203.0.113.41', userAgent: 'owner', device })).ok).toBe(true);
  });

  it('grows the wait from one minute, doubling, up to 15 minutes', () => {
    expect([9, 10, 11, 12, 13, 14, 50].map((n) => delayAfter(n, 10))).toEqual([0, 60, 120, 240, 480, 900, 900]);
  });

  it('answers the same for an unknown email, and emails no one', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const outcome = await authenticate('nobody-here@example.net', 'guess', { ip: `198.19.${i}.1`, userAgent: 'bot' });
      outcomes.push(outcome.ok ? 'ok' : outcome.code);
    }
    expect(outcomes).toEqual([...Array(10).fill('invalid'), 'rate_limited', 'rate_limited']);
    expect(await noticesTo('nobody-here@example.net')).toHaveLength(0);
  });

  it('counts an IPv6 /64 as one address', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 62; i++) {
      const outcome = await authenticate(`visitor${i}@example.net`, 'guess', { ip: `2001:db8:7:7::${(i + 1).toString(16)}`, userAgent: 'bot' });
      outcomes.push(outcome.ok ? 'ok' : outcome.code);
    }
    expect(outcomes.indexOf('rate_limited')).toBe(60);
    expect((await authenticate('visitor@example.net', 'guess', { ip: '2001:db8:7:8::1', userAgent: 'bot' })).ok).toBe(false);
    expect(await authenticate('visitor@example.net', 'guess', { ip: '2001:db8:7:8::1', userAgent: 'bot' })).toEqual({ ok: false, code: 'invalid' });
  });

  it('with an unknown address, keeps the account limits and skips the per-address ones', async () => {
    const user = await createUser();
    const unknown = { ip: 'unknown', userAgent: 'vitest' };
    const outcomes: string[] = [];
    for (let i = 0; i < 11; i++) outcomes.push(((await authenticate(user.email, 'guess', unknown)) as { code: string }).code);
    // Not stopped at 6 by a shared "unknown" address bucket, but at 10 by the account's own limit.
    expect(outcomes).toEqual([...Array(10).fill('invalid'), 'rate_limited']);
    const other = await createUser();
    expect((await authenticate(other.email, TEST_PASSWORD, unknown)).ok).toBe(true);
  });

  it('opens a global circuit against credential stuffing that known browsers pass', async () => {
    const user = await createUser();
    const device = 'k'.repeat(43);
    expect((await authenticate(user.email, TEST_PASSWORD, { ip: '203.0.113.60', userAgent: 'owner', device })).ok).toBe(true);
    await block('signInGlobal', GLOBAL_KEY, 600);
    const fresh = await createUser();
    expect(await authenticate(fresh.email, TEST_PASSWORD, { ip: '203.0.113.61', userAgent: 'new' })).toEqual({ ok: false, code: 'rate_limited' });
    expect((await authenticate(user.email, TEST_PASSWORD, { ip: '203.0.113.62', userAgent: 'owner', device })).ok).toBe(true);
    const rows = await getDb().select().from(sessions).where(eq(sessions.userId, fresh.id));
    expect(rows).toHaveLength(0);
  });
});
