import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLog, outbox } from '@/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import { createSession, endSessionOnSignOut, viewerForSession } from '@/lib/auth/sessions';
import { UserError } from '@/lib/errors';
import { createOrganisation, createUser, signedIn, TEST_PASSWORD, userById } from '@/testing/factories';
import { emailsTo, linkIn, NEW_PASSWORD, registration, request } from '@/testing/accounts';
import { changePassword, registerApplicant, requestPasswordReset, resetPassword } from './accounts';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

const templatesTo = async (email: string) => (await emailsTo(email)).map((m) => m.template);
const resetLinkOf = async (email: string) =>
  linkIn((await emailsTo(email)).filter((m) => m.template === 'resetPassword').at(-1)!.text).searchParams.get('token')!;

describe('new passwords', () => {
  it('refuses a common password at registration, beside the field, and creates nothing', async () => {
    const org = await createOrganisation();
    const input = registration({ organisationId: org.id, password: 'password12345' });
    const error = await registerApplicant(input, request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ field: 'password', messageKey: 'validation.passwordCommon' });
    expect(await emailsTo(input.email)).toHaveLength(0);
  });

  it('refuses a password with the person’s own name at registration', async () => {
    const org = await createOrganisation();
    const input = registration({ organisationId: org.id, name: 'Zenobia Quartermaine', password: 'quartermaine-2026-xq' });
    await expect(registerApplicant(input, request)).rejects.toMatchObject({ field: 'password', messageKey: 'validation.passwordPersonal' });
  });

  it('refuses a weak password from a reset link and leaves the link working', async () => {
    const user = await createUser({ name: 'Octavia Brightwater' });
    await requestPasswordReset(user.email, request);
    const token = await resetLinkOf(user.email);
    await expect(resetPassword(token, 'brightwater-2026-k', request)).rejects.toMatchObject({ messageKey: 'validation.passwordPersonal' });
    await expect(resetPassword(token, 'qwertyuiop123', request)).rejects.toMatchObject({ messageKey: 'validation.passwordCommon' });
    expect((await userById(user.id))!.passwordHash).toBe(user.passwordHash);
    expect(await resetPassword(token, NEW_PASSWORD, request)).toBe(true);
  });

  it('refuses a common password when changing it, and changes nothing', async () => {
    const viewer = await signedIn();
    await expect(changePassword(viewer, TEST_PASSWORD, 'iloveyou1234', request)).rejects.toMatchObject({
      field: 'password',
      messageKey: 'validation.passwordCommon',
    });
    expect((await authenticate(viewer.email, TEST_PASSWORD, request)).ok).toBe(true);
  });
});

describe('a password change', () => {
  it('tells the member by email and cancels every reset link still waiting', async () => {
    const viewer = await signedIn();
    await requestPasswordReset(viewer.email, request);
    const waiting = await resetLinkOf(viewer.email);
    await changePassword(viewer, TEST_PASSWORD, NEW_PASSWORD, request);
    expect(await templatesTo(viewer.email)).toEqual(['resetPassword', 'noticePasswordChanged']);
    const [notice] = (await emailsTo(viewer.email)).filter((m) => m.template === 'noticePasswordChanged');
    expect(linkIn(notice!.text).pathname).toBe('/forgot-password');
    // The link someone may have asked for before the change no longer works.
    expect(await resetPassword(waiting, 'yet another fine passphrase', request)).toBe(false);
    expect((await authenticate(viewer.email, NEW_PASSWORD, request)).ok).toBe(true);
  });

  it('from a reset link also cancels the other links and tells the member', async () => {
    const user = await createUser();
    await requestPasswordReset(user.email, request);
    const first = await resetLinkOf(user.email);
    expect(await resetPassword(first, NEW_PASSWORD, request)).toBe(true);
    expect(await templatesTo(user.email)).toEqual(['resetPassword', 'noticePasswordChanged']);
  });
});

describe('mailbox limits', () => {
  it('sends at most 3 reset emails an hour to one address, answering the same, known or not', async () => {
    const user = await createUser();
    for (let i = 0; i < 8; i++) await expect(requestPasswordReset(user.email, request)).resolves.toBeUndefined();
    expect(await templatesTo(user.email)).toEqual(['resetPassword', 'resetPassword', 'resetPassword']);
    for (let i = 0; i < 8; i++) await expect(requestPasswordReset('no-account-here@example.net', request)).resolves.toBeUndefined();
    expect(await emailsTo('no-account-here@example.net')).toHaveLength(0);
  });

  it('counts "already registered" emails in the same mailbox limit', async () => {
    const owner = await createUser();
    const org = await createOrganisation();
    await requestPasswordReset(owner.email, request);
    for (let i = 0; i < 5; i++) await registerApplicant(registration({ organisationId: org.id, email: owner.email }), request);
    expect(await templatesTo(owner.email)).toEqual(['resetPassword', 'registerExisting', 'registerExisting']);
  });
});

describe('sign-in notices', () => {
  it('emails the owner when a browser never used with the account signs in, linking to the sessions page', async () => {
    const user = await createUser();
    const laptop = { ip: '203.0.113.80', userAgent: 'laptop', device: 'l'.repeat(43) };
    expect((await authenticate(user.email, TEST_PASSWORD, laptop)).ok).toBe(true);
    expect((await authenticate(user.email, TEST_PASSWORD, laptop)).ok).toBe(true);
    // The first sign-in ever and a known browser: nothing to tell.
    expect(await templatesTo(user.email)).toEqual([]);
    expect((await authenticate(user.email, TEST_PASSWORD, { ip: '198.51.100.81', userAgent: 'other', device: 'o'.repeat(43) })).ok).toBe(true);
    const mails = await emailsTo(user.email);
    expect(mails.map((m) => m.template)).toEqual(['noticeNewSignIn']);
    expect(linkIn(mails[0]!.text).pathname).toBe('/settings/security');
  });
});

describe("Auth.js's sign-out", () => {
  it('ends the session row its cookie names, once, and audits it', async () => {
    const viewer = await signedIn();
    const other = await createSession(viewer.id, { ip: '192.0.2.9', userAgent: 'phone' });
    expect(await endSessionOnSignOut(viewer.rawSessionId, '203.0.113.9')).toBe(true);
    expect(await viewerForSession(viewer.rawSessionId)).toBeNull();
    expect(await viewerForSession(other)).not.toBeNull();
    expect(await endSessionOnSignOut(viewer.rawSessionId, '203.0.113.9')).toBe(false);
    const rows = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.sign_out'), eq(auditLog.actorId, viewer.id)));
    expect(rows).toHaveLength(1);
    expect(await getDb().select().from(outbox).where(eq(outbox.to, viewer.email))).toHaveLength(0);
  });
});
