import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, sessions, users } from '@/db/schema';
import { USER_STATUSES } from '@/db/schema/enums';
import { createUser, signedIn, TEST_PASSWORD } from '@/testing/factories';
import { signInSchema } from '@/lib/validation/auth';
import { authenticate } from './authenticate';
import { viewerForSession } from './sessions';
import { sha256 } from './tokens';

let n = 0;
/** Each test signs in from its own address, so rate limits of one test never reach another. */
const from = () => ({ ip: `192.0.2.${++n}`, userAgent: 'vitest' });
const sessionsOf = (userId: string) => getDb().select().from(sessions).where(eq(sessions.userId, userId));
const auditFor = (action: string, targetId: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));

describe('authenticate', () => {
  it('answers the same for a wrong password and an unknown email', async () => {
    const user = await createUser();
    const wrong = await authenticate(user.email, 'not the password at all', from());
    const unknown = await authenticate('nobody@example.net', TEST_PASSWORD, from());
    expect(wrong).toEqual({ ok: false, code: 'invalid' });
    expect(unknown).toEqual(wrong);
    expect(await sessionsOf(user.id)).toHaveLength(0);
  });

  it('creates a session row and an audit row on success', async () => {
    const user = await createUser();
    const info = from();
    const outcome = await authenticate(user.email, TEST_PASSWORD, info);
    expect(outcome).toMatchObject({ ok: true, userId: user.id });
    if (!outcome.ok) throw new Error('unreachable');

    const rows = await sessionsOf(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: sha256(outcome.sessionId), ip: info.ip, userAgent: 'vitest', revokedAt: null });
    expect((await viewerForSession(outcome.sessionId))?.id).toBe(user.id);

    const signIns = await auditFor('auth.sign_in', user.id);
    expect(signIns).toHaveLength(1);
    expect(signIns[0]).toMatchObject({ actorId: user.id, ip: info.ip });
  });

  it('audits failures, for known and unknown emails, without the password', async () => {
    const user = await createUser();
    const info = from();
    await authenticate(user.email, 'wrong password 1', info);
    await authenticate('ghost@example.net', 'wrong password 2', info);
    const failed = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.sign_in_failed'), eq(auditLog.ip, info.ip)));
    expect(failed).toHaveLength(2);
    expect(failed.find((r) => r.targetId === user.id)?.details).toEqual({ email: user.email });
    expect(failed.find((r) => r.targetId === null)?.details).toEqual({ email: 'ghost@example.net' });
    expect(JSON.stringify(failed)).not.toContain('wrong password');
  });

  for (const status of USER_STATUSES.filter((s) => s !== 'active')) {
    it(`tells a ${status} account its status only with the right password, and gives no session`, async () => {
      const user = await createUser({ status });
      expect(await authenticate(user.email, TEST_PASSWORD, from())).toEqual({ ok: false, code: status });
      expect(await authenticate(user.email, 'a wrong password', from())).toEqual({ ok: false, code: 'invalid' });
      expect(await sessionsOf(user.id)).toHaveLength(0);
      expect(await auditFor('auth.sign_in', user.id)).toHaveLength(0);
      expect(await auditFor('auth.sign_in_refused', user.id)).toHaveLength(1);
    });
  }

  it('refuses the 7th attempt after 6 failures from the same address, even with the right password', async () => {
    const user = await createUser();
    const info = from();
    for (let i = 0; i < 6; i++) {
      expect(await authenticate(user.email, `wrong password ${i}`, info)).toEqual({ ok: false, code: 'invalid' });
    }
    expect(await authenticate(user.email, TEST_PASSWORD, info)).toEqual({ ok: false, code: 'rate_limited' });
    expect(await sessionsOf(user.id)).toHaveLength(0);
    expect(
      (
        await getDb()
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'auth.rate_limited'), eq(auditLog.ip, info.ip)))
      ).length,
    ).toBe(1);

    // Another address is not affected (and a success there does not lift the first one's limit).
    expect((await authenticate(user.email, TEST_PASSWORD, from())).ok).toBe(true);
    expect(await authenticate(user.email, TEST_PASSWORD, info)).toEqual({ ok: false, code: 'rate_limited' });
  });

  it('limits an unknown email just like a known one', async () => {
    const info = from();
    for (let i = 0; i < 6; i++) expect((await authenticate('ghost@example.net', 'x', info)).ok).toBe(false);
    expect(await authenticate('ghost@example.net', 'x', info)).toEqual({ ok: false, code: 'rate_limited' });
  });

  it('forgets earlier failures after a success', async () => {
    const user = await createUser();
    const info = from();
    for (let i = 0; i < 5; i++) await authenticate(user.email, 'wrong password', info);
    expect((await authenticate(user.email, TEST_PASSWORD, info)).ok).toBe(true);
    for (let i = 0; i < 5; i++) expect(await authenticate(user.email, 'wrong password', info)).toEqual({ ok: false, code: 'invalid' });
    expect((await authenticate(user.email, TEST_PASSWORD, info)).ok).toBe(true);
  });

  it('answers "invalid" (not a server error) for a very long email', async () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(53)}.example`;
    expect(email.length).toBe(254);
    expect(signInSchema.safeParse({ email, password: 'x' }).success).toBe(true);
    const info = { ip: 'ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255', userAgent: 'vitest' };
    for (let i = 0; i < 6; i++) expect(await authenticate(email, 'wrong', info)).toEqual({ ok: false, code: 'invalid' });
    expect(await authenticate(email, 'wrong', info)).toEqual({ ok: false, code: 'rate_limited' });
  });
});

describe('applicants', () => {
  it('cannot reach member data: no session row is honoured for a pending account', async () => {
    const viewer = await signedIn();
    expect(await viewerForSession(viewer.rawSessionId)).not.toBeNull();
    for (const status of USER_STATUSES.filter((s) => s !== 'active')) {
      await getDb().update(users).set({ status }).where(eq(users.id, viewer.id));
      expect(await viewerForSession(viewer.rawSessionId)).toBeNull();
    }
    const pending = await createUser({ status: 'pending' });
    // A session row forced onto a pending account (whatever created it) is refused too.
    await getDb().update(sessions).set({ userId: pending.id }).where(eq(sessions.id, viewer.sessionKey));
    expect(await viewerForSession(viewer.rawSessionId)).toBeNull();
  });
});
