import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { openEmail } from '@/lib/email/sealed';
import { auditLog, organisations, outbox } from '@/db/schema';
import { createOrganisation, createUser, everyRole, userById } from '@/testing/factories';
import { NotFoundError } from '@/lib/errors';
import { deliverSoon } from '@/lib/email';
import { approveApplication, emailDomainMatches, listApplications, rejectApplication } from './applications';
import { encodeCursor } from '@/lib/dal/pagination';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

const request = { ip: '198.51.100.4', userAgent: 'vitest' };
let roles: Awaited<ReturnType<typeof everyRole>>;

beforeAll(async () => {
  roles = await everyRole();
});

const orgById = async (id: string) => (await getDb().select().from(organisations).where(eq(organisations.id, id)))[0]!;
const emailsTo = async (to: string) => (await getDb().select().from(outbox).where(eq(outbox.to, to))).map(openEmail);
const auditFor = (targetId: string) => getDb().select().from(auditLog).where(eq(auditLog.targetId, targetId));

describe('applications', () => {
  it('do not exist for anyone but an admin', async () => {
    const applicant = await createUser({ status: 'pending' });
    for (const viewer of [roles.member, roles.focalPoint, roles.moderator]) {
      await expect(listApplications(viewer)).rejects.toBeInstanceOf(NotFoundError);
      await expect(approveApplication(viewer, applicant.id, request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(rejectApplication(viewer, applicant.id, 'No.', request)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await userById(applicant.id))!.status).toBe('pending');
    expect(await emailsTo(applicant.email)).toHaveLength(0);
  });

  it('list verified applicants only, oldest first, with their organisation and whether the email domain matches', async () => {
    const org = await createOrganisation({ name: 'Hotline Network', sector: 'civil_society', country: 'KE', emailDomains: ['hotline.example'] });
    const older = await createUser({
      status: 'pending',
      organisationId: org.id,
      email: 'amina@hotline.example',
      createdAt: new Date('2030-01-01T10:00:00Z'),
    });
    const newer = await createUser({
      status: 'pending',
      organisationId: org.id,
      email: 'someone@gmail.example',
      createdAt: new Date('2030-01-02T10:00:00Z'),
    });
    const proposed = await createOrganisation({ status: 'proposed', sector: 'intergovernmental', country: null });
    const withNewOrg = await createUser({ status: 'pending', organisationId: proposed.id, createdAt: new Date('2030-01-03T10:00:00Z') });
    const unverified = await createUser({ status: 'unverified', organisationId: org.id });
    const rejected = await createUser({ status: 'rejected', organisationId: org.id });
    const active = await createUser({ status: 'active', organisationId: org.id });

    const { items } = await listApplications(roles.admin);
    const ids = items.map((a) => a.id);
    expect(ids.filter((id) => [older.id, newer.id, withNewOrg.id].includes(id))).toEqual([older.id, newer.id, withNewOrg.id]);
    expect(ids).not.toContain(unverified.id);
    expect(ids).not.toContain(rejected.id);
    expect(ids).not.toContain(active.id);
    const first = items.find((a) => a.id === older.id)!;
    expect(first).toMatchObject({
      email: 'amina@hotline.example',
      emailDomainMatches: true,
      organisation: { name: 'Hotline Network', sector: 'civil_society', country: 'KE', isNew: false },
    });
    expect(items.find((a) => a.id === newer.id)!.emailDomainMatches).toBe(false);
    expect(items.find((a) => a.id === withNewOrg.id)!.organisation.isNew).toBe(true);
  });

  it('match email domains exactly or as subdomains, whatever the case', () => {
    expect(emailDomainMatches('a@unicef.org', ['unicef.org'])).toBe(true);
    expect(emailDomainMatches('a@Mail.UNICEF.org', ['unicef.org'])).toBe(true);
    expect(emailDomainMatches('a@notunicef.org', ['unicef.org'])).toBe(false);
    expect(emailDomainMatches('a@unicef.org.evil.example', ['unicef.org'])).toBe(false);
    expect(emailDomainMatches('a@unicef.org', [])).toBe(false);
  });

  it('applications proposing a new organisation from a free-mail domain do not get the green "email domain matches" badge', async () => {
    const proposed = await createOrganisation({ status: 'proposed', emailDomains: ['gmail.com'] });
    const fromGmail = await createUser({ status: 'pending', organisationId: proposed.id, email: 'someone@gmail.com' });
    const corporate = await createOrganisation({ status: 'proposed', emailDomains: ['newhotline.example'] });
    const fromCorporate = await createUser({ status: 'pending', organisationId: corporate.id, email: 'lead@newhotline.example' });
    const { items } = await listApplications(roles.admin);
    expect(items.find((a) => a.id === fromGmail.id)).toMatchObject({ emailDomainMatches: false, freeMail: true });
    // A proposed organisation's domain came from the applicant's own address: not a proof either.
    expect(items.find((a) => a.id === fromCorporate.id)).toMatchObject({ emailDomainMatches: false, freeMail: false });
    // A free provider never matches, even listed on an organisation; and registering never lists one.
    expect(emailDomainMatches('a@yahoo.fr', ['yahoo.fr'])).toBe(false);
  });

  it('approve: the applicant becomes active, their proposed organisation a member, and they are emailed a sign-in link', async () => {
    const proposed = await createOrganisation({ status: 'proposed' });
    const applicant = await createUser({ status: 'pending', organisationId: proposed.id, locale: 'en' });
    vi.mocked(deliverSoon).mockClear();

    await approveApplication(roles.admin, applicant.id, request);

    const user = (await userById(applicant.id))!;
    expect(user.status).toBe('active');
    expect(user.decidedBy).toBe(roles.admin.id);
    expect(user.decidedAt).toBeInstanceOf(Date);
    expect((await orgById(proposed.id)).status).toBe('active');
    const [email] = await emailsTo(applicant.email);
    expect(email).toMatchObject({ template: 'applicationApproved' });
    expect(email!.text).toContain('http://portal.test/sign-in');
    const [row] = await auditFor(applicant.id);
    expect(row).toMatchObject({ action: 'application.approved', actorId: roles.admin.id, targetType: 'user', ip: request.ip });
    expect(row!.details).toMatchObject({ organisationId: proposed.id, organisationStatus: 'active' });
    expect(deliverSoon).toHaveBeenCalledTimes(1);
  });

  it('reject: the applicant is rejected with the reason on record and in their email; a proposed organisation is rejected too', async () => {
    const proposed = await createOrganisation({ status: 'proposed' });
    const applicant = await createUser({ status: 'pending', organisationId: proposed.id });
    const reason = 'We could not confirm the organisation works on child protection.';

    await rejectApplication(roles.admin, applicant.id, reason, request);

    const user = (await userById(applicant.id))!;
    expect(user).toMatchObject({ status: 'rejected', decisionReason: reason, decidedBy: roles.admin.id });
    expect((await orgById(proposed.id)).status).toBe('rejected');
    const [email] = await emailsTo(applicant.email);
    expect(email!.template).toBe('applicationRejected');
    expect(email!.text).toContain('http://portal.test/sign-in');
    expect(email!.text).toContain(`Its reason: ${reason}`);
    expect(email!.html).toContain('confirm the organisation');
    const [row] = await auditFor(applicant.id);
    expect(row).toMatchObject({ action: 'application.rejected', actorId: roles.admin.id });
    expect(row!.details).toMatchObject({ reason, organisationStatus: 'rejected' });
  });

  it('leave a member organisation as it is, and a proposed one while others still belong to it', async () => {
    const member = await createOrganisation();
    const a = await createUser({ status: 'pending', organisationId: member.id });
    await rejectApplication(roles.admin, a.id, 'Not eligible.', request);
    expect((await orgById(member.id)).status).toBe('active');

    const proposed = await createOrganisation({ status: 'proposed' });
    const b = await createUser({ status: 'pending', organisationId: proposed.id });
    await createUser({ status: 'pending', organisationId: proposed.id });
    await rejectApplication(roles.admin, b.id, 'Not eligible.', request);
    expect((await orgById(proposed.id)).status).toBe('proposed');
  });

  it('can be decided only once, and only when they exist', async () => {
    const applicant = await createUser({ status: 'pending' });
    await approveApplication(roles.admin, applicant.id, request);
    await expect(approveApplication(roles.admin, applicant.id, request)).rejects.toMatchObject({ messageKey: 'errors.notPending' });
    await expect(rejectApplication(roles.admin, applicant.id, 'Late.', request)).rejects.toMatchObject({ messageKey: 'errors.notPending' });
    expect((await userById(applicant.id))!.status).toBe('active');
    expect(await emailsTo(applicant.email)).toHaveLength(1);

    const unverified = await createUser({ status: 'unverified' });
    await expect(approveApplication(roles.admin, unverified.id, request)).rejects.toMatchObject({ messageKey: 'errors.notPending' });
    await expect(approveApplication(roles.admin, '00000000-0000-4000-8000-000000000000', request)).rejects.toBeInstanceOf(NotFoundError);
    await expect(approveApplication(roles.admin, 'not-a-uuid', request)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the application list pages', () => {
  it('by keyset without overlap, forward and back, even when applications share a timestamp', async () => {
    const org = await createOrganisation();
    const same = new Date('2031-06-01T00:00:00Z');
    for (let i = 0; i < 30; i++) await createUser({ status: 'pending', organisationId: org.id, createdAt: i < 20 ? same : undefined });
    const all = [];
    let cursor: string | undefined;
    const pages = [];
    do {
      const page = await listApplications(roles.admin, { cursor });
      pages.push(page);
      all.push(...page.items.map((a) => a.id));
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(pages[0]!.items).toHaveLength(25);
    expect(pages[0]!.previous).toBeNull();
    expect(new Set(all).size).toBe(all.length);
    const pendingCount = all.length;
    expect(pendingCount).toBeGreaterThanOrEqual(30);

    const back = await listApplications(roles.admin, { cursor: pages[1]!.previous! });
    expect(back.items.map((a) => a.id)).toEqual(pages[0]!.items.map((a) => a.id));
    expect(back.previous).toBeNull();
  });

  it('start again at the first page for a malformed, forged or oversized cursor', async () => {
    const first = await listApplications(roles.admin);
    for (const cursor of [
      'garbage',
      '!!!',
      encodeCursor('after', ['yesterday', 'x']),
      encodeCursor('after', ['2030-02-30T00:00:00.000000Z', crypto.randomUUID()]),
      'a'.repeat(5000),
      encodeCursor('sideways' as 'after', []),
    ]) {
      const page = await listApplications(roles.admin, { cursor });
      expect(page.items.map((a) => a.id)).toEqual(first.items.map((a) => a.id));
    }
  });
});
