import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLog, users } from '@/db/schema';
import { createUser, signedIn, TEST_PASSWORD, userById } from '@/testing/factories';
import { UserError } from '@/lib/errors';
import { confirmEmailChange, ownRejectionReason, requestEmailChange, resendVerification, verifyEmail } from './accounts';
import { emailsTo, linkIn, registerAndGetToken, request } from '@/testing/accounts';

// The outbox rows are the observable result: no background run may send them while a test reads them.
vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

const auditOf = (userId: string, action: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, userId), eq(auditLog.action, action as never)));

describe('a new confirmation link', () => {
  it('replaces a lost or expired one for an address still waiting; answers the same for any other address', async () => {
    const { input, token: first, user } = await registerAndGetToken();
    await resendVerification(input.email, request);
    const mails = await emailsTo(input.email);
    expect(mails.map((m) => m.template)).toEqual(['verifyEmail', 'verifyEmail']);
    const second = linkIn(mails[1]!.text).searchParams.get('token')!;
    expect(second).not.toBe(first);
    // The earlier link no longer works; the new one does, once.
    expect(await verifyEmail(first, request)).toBe(false);
    expect(await verifyEmail(second, request)).toBe(true);
    expect((await userById(user.id))!.status).toBe('pending');
    expect(await auditOf(user.id, 'auth.verification_resent')).toHaveLength(1);

    // Confirmed already, or unknown: nothing is sent, and the answer is the same.
    await expect(resendVerification(input.email, request)).resolves.toBeUndefined();
    await expect(resendVerification('nobody@unknown.example', request)).resolves.toBeUndefined();
    expect(await emailsTo(input.email)).toHaveLength(2);
    expect(await emailsTo('nobody@unknown.example')).toHaveLength(0);
  });

  it('counts with every other email to the address (three an hour), known or not', async () => {
    const { input } = await registerAndGetToken();
    for (let i = 0; i < 2; i++) await resendVerification(input.email, request);
    const refused = await resendVerification(input.email, request).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserError);
    expect(refused).toMatchObject({ messageKey: 'auth.verify.resendLimited', values: { minutes: 60 } });
    expect(await emailsTo(input.email)).toHaveLength(3); // the registration's and two new ones
    for (let i = 0; i < 3; i++) await resendVerification('ghost@unknown.example', request);
    await expect(resendVerification('ghost@unknown.example', request)).rejects.toMatchObject({ messageKey: 'auth.verify.resendLimited' });
  });
});

describe('the rejection reason', () => {
  it('is given to the rejected applicant who knows their password, and to nobody else', async () => {
    const rejected = await createUser({ status: 'rejected', decisionReason: 'Not a child-protection organisation.' });
    expect(await ownRejectionReason(rejected.email, TEST_PASSWORD)).toBe('Not a child-protection organisation.');
    expect(await ownRejectionReason(rejected.email, 'a wrong password')).toBeNull();
    const active = await createUser({ decisionReason: 'Old note' });
    expect(await ownRejectionReason(active.email, TEST_PASSWORD)).toBeNull();
    expect(await ownRejectionReason('nobody@unknown.example', TEST_PASSWORD)).toBeNull();
  });
});

describe('changing one’s email address', () => {
  it('takes effect only through the link sent to the new address, and tells the old address', async () => {
    const viewer = await signedIn();
    const next = `moved-${Date.now()}@example.net`;
    await expect(requestEmailChange(viewer, next, 'a wrong password', request)).rejects.toMatchObject({
      messageKey: 'errors.wrongPassword',
      field: 'currentPassword',
    });
    await expect(requestEmailChange(viewer, viewer.email, TEST_PASSWORD, request)).rejects.toMatchObject({
      messageKey: 'settings.emailSame',
      field: 'email',
    });
    expect(await emailsTo(next)).toHaveLength(0);

    await requestEmailChange(viewer, next, TEST_PASSWORD, request);
    expect((await userById(viewer.id))!).toMatchObject({ email: viewer.email, pendingEmail: next });
    const [mail] = await emailsTo(next);
    expect(mail!.template).toBe('confirmNewEmail');
    const link = linkIn(mail!.text);
    expect(link.pathname).toBe('/confirm-email');
    const token = link.searchParams.get('token')!;

    expect(await confirmEmailChange('not-a-real-token-at-all', request)).toBe(false);
    expect(await confirmEmailChange(token, request)).toBe(true);
    expect((await userById(viewer.id))!).toMatchObject({ email: next, pendingEmail: null });
    expect((await emailsTo(viewer.email)).map((m) => m.template)).toEqual(['emailChanged']);
    // Single use.
    expect(await confirmEmailChange(token, request)).toBe(false);
    expect(await auditOf(viewer.id, 'account.email_change_requested')).toHaveLength(1);
    const [changed] = await auditOf(viewer.id, 'account.email_changed');
    expect(changed!.details).toEqual({ from: viewer.email, to: next });
  });

  it('answers the same for an address that has an account, and sends it nothing; a link fails if the address is taken meanwhile', async () => {
    const viewer = await signedIn();
    const other = await createUser();
    await requestEmailChange(viewer, other.email, TEST_PASSWORD, request);
    expect(await emailsTo(other.email)).toHaveLength(0);
    expect((await userById(viewer.id))!.pendingEmail).toBeNull();

    const next = `race-${Date.now()}@example.net`;
    await requestEmailChange(viewer, next, TEST_PASSWORD, request);
    const token = linkIn((await emailsTo(next))[0]!.text).searchParams.get('token')!;
    await getDb().update(users).set({ email: next }).where(eq(users.id, other.id));
    expect(await confirmEmailChange(token, request)).toBe(false);
    expect((await userById(viewer.id))!.email).toBe(viewer.email);
  });
});
