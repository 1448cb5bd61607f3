import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLog, outbox, sessions, tokens } from '@/db/schema';
import { createUser, signedIn, TEST_PASSWORD, userById } from '@/testing/factories';
import { authenticate } from '@/lib/auth/authenticate';
import { createSession, viewerForSession } from '@/lib/auth/sessions';
import { sha256 } from '@/lib/auth/tokens';
import { UserError } from '@/lib/errors';
import { changePassword, requestPasswordReset, resetPassword, verifyEmail } from './accounts';
import { emailsTo, linkIn, NEW_PASSWORD, registerAndGetToken, request } from '@/testing/accounts';

// Delivery is tested in lib/email; here the outbox rows are the observable result, so no background run
// may send (and write files) while a test reads them.
vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

// Were anything to build links from the request, these headers would show it.
vi.mock('next/headers', () => ({
  headers: async () =>
    new Headers({ host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', origin: 'https://evil.example' }),
}));

describe('requestPasswordReset', () => {
  it('does nothing visible for an unknown email and answers the same', async () => {
    const before = (await getDb().select({ id: outbox.id }).from(outbox)).length;
    const tokensBefore = (await getDb().select({ id: tokens.id }).from(tokens)).length;
    await expect(requestPasswordReset('nobody-here@example.net', request)).resolves.toBeUndefined();
    expect((await getDb().select({ id: outbox.id }).from(outbox)).length).toBe(before);
    expect((await getDb().select({ id: tokens.id }).from(tokens)).length).toBe(tokensBefore);
  });

  it('queues a reset link valid for one hour for a known email', async () => {
    const user = await createUser();
    await expect(requestPasswordReset(user.email, request)).resolves.toBeUndefined();
    const mails = await emailsTo(user.email);
    expect(mails.map((m) => m.template)).toEqual(['resetPassword']);
    const link = linkIn(mails[0]!.text);
    expect(link.origin).toBe('http://portal.test');
    expect(link.pathname).toBe('/reset-password');
    const token = link.searchParams.get('token')!;
    const [row] = await getDb()
      .select()
      .from(tokens)
      .where(eq(tokens.tokenHash, sha256(token)));
    expect(row).toMatchObject({ userId: user.id, kind: 'reset_password', usedAt: null });
    const lifetime = row!.expiresAt.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(59 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60_000);
  });

  it('sends nothing to a rejected applicant (they read the decision by signing in)', async () => {
    const user = await createUser({ status: 'rejected' });
    await expect(requestPasswordReset(user.email, request)).resolves.toBeUndefined();
    expect(await emailsTo(user.email)).toHaveLength(0);
  });

  it('replaces an earlier unused link', async () => {
    const user = await createUser();
    await requestPasswordReset(user.email, request);
    await requestPasswordReset(user.email, request);
    const [first, second] = (await emailsTo(user.email)).map((m) => linkIn(m.text).searchParams.get('token')!);
    expect(await resetPassword(first!, NEW_PASSWORD, request)).toBe(false);
    expect(await resetPassword(second!, NEW_PASSWORD, request)).toBe(true);
  });
});

describe('resetPassword', () => {
  it('sets the new password and ends every session', async () => {
    const viewer = await signedIn();
    const other = await createSession(viewer.id, { ip: '192.0.2.9', userAgent: 'phone' });
    await requestPasswordReset(viewer.email, request);
    const [mail] = await emailsTo(viewer.email);
    const token = linkIn(mail!.text).searchParams.get('token')!;

    expect(await resetPassword(token, NEW_PASSWORD, request)).toBe(true);
    expect(await viewerForSession(viewer.rawSessionId)).toBeNull();
    expect(await viewerForSession(other)).toBeNull();
    const live = await getDb().select().from(sessions).where(eq(sessions.userId, viewer.id));
    expect(live.every((s) => s.revokedAt !== null)).toBe(true);

    expect(await authenticate(viewer.email, TEST_PASSWORD, request)).toEqual({ ok: false, code: 'invalid' });
    const outcome = await authenticate(viewer.email, NEW_PASSWORD, request);
    expect(outcome.ok).toBe(true);
    // Single use.
    expect(await resetPassword(token, 'yet another passphrase', request)).toBe(false);
    const [entry] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.password_reset'), eq(auditLog.targetId, viewer.id)))
      .orderBy(desc(auditLog.id));
    expect(entry!.details).toEqual({ sessionsEnded: 2 });
  });

  it('refuses an expired token', async () => {
    const user = await createUser();
    await requestPasswordReset(user.email, request);
    const token = linkIn((await emailsTo(user.email))[0]!.text).searchParams.get('token')!;
    await getDb()
      .update(tokens)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(tokens.tokenHash, sha256(token)));
    expect(await resetPassword(token, NEW_PASSWORD, request)).toBe(false);
    expect((await userById(user.id))!.passwordHash).toBe(user.passwordHash);
  });

  it('refuses a verification token', async () => {
    const { token, user } = await registerAndGetToken();
    expect(await resetPassword(token, NEW_PASSWORD, request)).toBe(false);
    expect((await userById(user.id))!.passwordHash).toBe(user.passwordHash);
    expect(await verifyEmail(token, request)).toBe(true);
  });
});

describe('changePassword', () => {
  it('refuses a wrong current password on the currentPassword field and changes nothing', async () => {
    const viewer = await signedIn();
    const other = await createSession(viewer.id, { ip: '192.0.2.9', userAgent: 'phone' });
    const before = await userById(viewer.id);
    const error = await changePassword(viewer, 'not my password', NEW_PASSWORD, request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ field: 'currentPassword', messageKey: 'errors.wrongPassword' });
    expect((await userById(viewer.id))!.passwordHash).toBe(before!.passwordHash);
    expect(await viewerForSession(other)).not.toBeNull();
  });

  it('with the right one, sets the new password and ends the other sessions but keeps this one', async () => {
    const viewer = await signedIn();
    const other = await createSession(viewer.id, { ip: '192.0.2.9', userAgent: 'phone' });
    const stranger = await signedIn();

    await changePassword(viewer, TEST_PASSWORD, NEW_PASSWORD, request);
    expect(await viewerForSession(viewer.rawSessionId)).not.toBeNull();
    expect(await viewerForSession(other)).toBeNull();
    expect(await viewerForSession(stranger.rawSessionId)).not.toBeNull();
    expect((await authenticate(viewer.email, NEW_PASSWORD, request)).ok).toBe(true);
    expect(await authenticate(viewer.email, TEST_PASSWORD, request)).toEqual({ ok: false, code: 'invalid' });
  });
});
