import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLog, organisations, tokens, users } from '@/db/schema';
import { createOrganisation, createUser, userById } from '@/testing/factories';
import { sha256 } from '@/lib/auth/tokens';
import { renderEmail } from '@/lib/email/templates';
import { UserError } from '@/lib/errors';
import { registerApplicant, requestPasswordReset, resetPassword, verifyEmail } from './accounts';
import { emailsTo, linkIn, NEW_PASSWORD, registerAndGetToken, registration, request, userByEmail } from '@/testing/accounts';

// Delivery is tested in lib/email; here the outbox rows are the observable result, so no background run
// may send (and write files) while a test reads them.
vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

// Were anything to build links from the request, these headers would show it.
vi.mock('next/headers', () => ({
  headers: async () =>
    new Headers({ host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', origin: 'https://evil.example' }),
}));

describe('registerApplicant', () => {
  it('creates an unverified applicant and queues one verification email linking to APP_URL', async () => {
    const org = await createOrganisation();
    const input = registration({ organisationId: org.id });
    await expect(registerApplicant(input, request)).resolves.toBeUndefined();

    const user = await userByEmail(input.email);
    expect(user).toMatchObject({ status: 'unverified', role: 'member', isFocalPoint: false, organisationId: org.id, timeZone: 'Europe/Paris' });
    expect(user!.passwordHash).not.toContain(input.password);

    const mails = await emailsTo(input.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.template).toBe('verifyEmail');
    const link = linkIn(mails[0]!.text);
    expect(link.origin).toBe('http://portal.test');
    expect(link.host).toBe('portal.test');
    expect(link.pathname).toBe('/verify-email');
    const token = link.searchParams.get('token');
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(mails[0]!.html).toContain(`href="${link.toString()}"`);
    expect(mails[0]!.text + mails[0]!.html).not.toContain('evil.example');

    // Only the token's SHA-256 is stored.
    const rows = await getDb().select().from(tokens).where(eq(tokens.userId, user!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'verify_email', tokenHash: sha256(token!), usedAt: null });
    expect(JSON.stringify(rows)).not.toContain(token);

    const [entry] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.register'), eq(auditLog.targetId, user!.id)));
    expect(entry).toMatchObject({ actorId: user!.id, ip: request.ip });
  });

  it('answers the same for an existing email, creates nothing and emails the owner instead', async () => {
    const owner = await createUser({ status: 'active' });
    const org = await createOrganisation();
    const before = (await getDb().select({ id: users.id }).from(users)).length;

    await expect(registerApplicant(registration({ email: owner.email, organisationId: org.id, name: 'Impostor' }), request)).resolves.toBeUndefined();

    expect((await getDb().select({ id: users.id }).from(users)).length).toBe(before);
    const unchanged = await userById(owner.id);
    expect(unchanged).toMatchObject({ name: owner.name, passwordHash: owner.passwordHash, status: 'active', organisationId: owner.organisationId });
    const mails = await emailsTo(owner.email);
    expect(mails.map((m) => m.template)).toEqual(['registerExisting']);
    expect(linkIn(mails[0]!.text).toString()).toBe('http://portal.test/sign-in');
    expect(mails[0]!.text).not.toContain('verify-email');
    expect(mails[0]!.text).not.toContain('token=');
    expect(await getDb().select().from(tokens).where(eq(tokens.userId, owner.id))).toHaveLength(0);
  });

  it('does not reveal an existing email through the organisation check either', async () => {
    const owner = await createUser();
    const inactive = await createOrganisation({ status: 'inactive' });
    // For a new email an unusable organisation is a field error…
    await expect(registerApplicant(registration({ organisationId: inactive.id }), request)).rejects.toMatchObject({ field: 'organisationId' });
    // …and for a registered one it must be the very same answer, or the form tells who is a member.
    await expect(registerApplicant(registration({ email: owner.email, organisationId: inactive.id }), request)).rejects.toMatchObject({
      field: 'organisationId',
    });
  });

  it('creates a proposed organisation when the applicant proposes one', async () => {
    const input = registration({
      organisationChoice: 'new',
      newOrganisationName: 'Shelter Network Ñandú',
      newOrganisationSector: 'civil_society',
      newOrganisationCountry: 'ar',
      newOrganisationWebsite: 'shelter.example',
    });
    await registerApplicant(input, request);
    const user = await userByEmail(input.email);
    const [org] = await getDb().select().from(organisations).where(eq(organisations.id, user!.organisationId));
    expect(org).toMatchObject({
      name: 'Shelter Network Ñandú',
      slug: 'shelter-network-nandu',
      status: 'proposed',
      sector: 'civil_society',
      country: 'AR',
      website: 'https://shelter.example',
      isSecretariat: false,
      emailDomains: [input.email.split('@')[1]],
    });
    expect(user!.status).toBe('unverified');
  });

  it('never lists a free email provider as a proposed organisation’s domain', async () => {
    const input = registration({
      email: `shelter.lead.${Date.now()}@gmail.com`,
      organisationChoice: 'new',
      newOrganisationName: 'Shelter Two',
      newOrganisationSector: 'civil_society',
      newOrganisationCountry: 'ke',
    });
    await registerApplicant(input, request);
    const user = await userByEmail(input.email);
    const [org] = await getDb().select().from(organisations).where(eq(organisations.id, user!.organisationId));
    expect(org!.emailDomains).toEqual([]);
  });

  it('refuses an inactive, proposed, Secretariat or unknown organisation on the organisationId field', async () => {
    const inactive = await createOrganisation({ status: 'inactive' });
    const proposed = await createOrganisation({ status: 'proposed' });
    const secretariat = await createOrganisation({ isSecretariat: true });
    for (const organisationId of [inactive.id, proposed.id, secretariat.id, '00000000-0000-4000-8000-000000000000']) {
      const input = registration({ organisationId });
      const error = await registerApplicant(input, request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect(error).toMatchObject({ field: 'organisationId', messageKey: 'errors.organisationUnknown' });
      expect(await userByEmail(input.email)).toBeUndefined();
      expect(await emailsTo(input.email)).toHaveLength(0);
    }
  });
});

describe('verifyEmail', () => {
  it('moves unverified to pending and tells every active admin, once', async () => {
    const activeAdmin = await createUser({ role: 'admin' });
    const suspendedAdmin = await createUser({ role: 'admin', status: 'suspended' });
    const { token, user } = await registerAndGetToken();

    expect(await verifyEmail(token, request)).toBe(true);
    const after = await userById(user.id);
    expect(after!.status).toBe('pending');
    expect(after!.emailVerifiedAt).toBeInstanceOf(Date);

    const toAdmin = await emailsTo(activeAdmin.email);
    expect(toAdmin.map((m) => m.template)).toEqual(['newApplication']);
    expect(linkIn(toAdmin[0]!.text).toString()).toBe('http://portal.test/admin/applications');
    expect(await emailsTo(suspendedAdmin.email)).toHaveLength(0);
    // The admin's email names no applicant: emails carry links, not content.
    expect(toAdmin[0]!.text).not.toContain(user.email);
    expect(toAdmin[0]!.text).not.toContain(user.name);

    // Single use.
    expect(await verifyEmail(token, request)).toBe(false);
    expect(await emailsTo(activeAdmin.email)).toHaveLength(1);
  });

  it('refuses an expired token, an unknown one and a reset token', async () => {
    const { token, user } = await registerAndGetToken();
    await getDb()
      .update(tokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(tokens.userId, user.id));
    expect(await verifyEmail(token, request)).toBe(false);
    expect(await verifyEmail('not-a-real-token-at-all', request)).toBe(false);
    expect(await verifyEmail('', request)).toBe(false);

    await requestPasswordReset(user.email, request);
    const reset = (await emailsTo(user.email)).find((m) => m.template === 'resetPassword')!;
    const resetToken = linkIn(reset.text).searchParams.get('token')!;
    expect(await verifyEmail(resetToken, request)).toBe(false);
    expect((await userById(user.id))!.status).toBe('unverified');
    // …and it is still good for what it was made for.
    expect(await resetPassword(resetToken, NEW_PASSWORD, request)).toBe(true);
  });

  it('lives 24 hours', async () => {
    const { user } = await registerAndGetToken();
    const [row] = await getDb().select().from(tokens).where(eq(tokens.userId, user.id));
    expect(row!.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    expect(row!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
  });
});

describe('emails carry links, not content', () => {
  it('queue exactly the rendered template (no applicant data in the text)', async () => {
    const { input } = await registerAndGetToken({ name: 'Very Distinctive Name', reason: 'A very distinctive reason to join.' });
    const [mail] = await emailsTo(input.email);
    const link = linkIn(mail!.text).toString();
    expect({ subject: mail!.subject, text: mail!.text, html: mail!.html }).toEqual(renderEmail('verifyEmail', 'en', link));
    expect(mail!.text + mail!.html + mail!.subject).not.toMatch(/Distinctive/);
  });
});
