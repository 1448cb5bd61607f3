import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLog, users } from '@/db/schema';
import { createOrganisation, everyRole, signedIn, userById } from '@/testing/factories';
import { emailsTo, linkIn, registration, request } from '@/testing/accounts';
import { registerApplicant, verifyEmail } from '@/lib/dal/accounts/accounts';
import { approveApplication, listApplications } from '@/lib/dal/console/applications';
import { NotFoundError, UserError } from '@/lib/errors';
import { declineEndorsement, endorseApplication } from './endorsement';
import { listOrganisationApplications } from './people';
import { peopleSettings, setPeopleSettings } from './settings';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

let roles: Awaited<ReturnType<typeof everyRole>>;
beforeAll(async () => {
  roles = await everyRole();
});

/** An organisation with a focal point, and an applicant to it who confirmed their email. */
async function applicationWithFocalPoint() {
  const org = await createOrganisation({ name: 'Child Helpline Alliance' });
  const focalPoint = await signedIn({ organisationId: org.id, isFocalPoint: true, name: 'Grace Focal' });
  const input = registration({ organisationId: org.id });
  await registerApplicant(input, request);
  const token = linkIn((await emailsTo(input.email))[0]!.text).searchParams.get('token')!;
  expect(await verifyEmail(token, request)).toBe(true);
  const [applicant] = await getDb().select().from(users).where(eq(users.email, input.email));
  return { org, focalPoint, applicant: applicant! };
}

const inConsole = async (id: string) => (await listApplications(roles.admin)).items.find((a) => a.id === id);
const auditOf = (targetId: string, action: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, targetId), eq(auditLog.action, action as never)));

describe('an application from an organisation with a focal point', () => {
  it('waits for the focal point (who is emailed), then reaches the admin marked endorsed', async () => {
    const { org, focalPoint, applicant } = await applicationWithFocalPoint();
    expect((await emailsTo(focalPoint.email)).map((m) => m.template)).toEqual(['applicationToEndorse']);
    expect(linkIn((await emailsTo(focalPoint.email))[0]!.text).pathname).toBe(`/organisations/${org.slug}/people`);
    expect(await emailsTo(roles.admin.email)).toHaveLength(0);

    // The admin sees it waiting and cannot decide yet.
    const waiting = await inConsole(applicant.id);
    expect(waiting!.endorsement).toBeNull();
    expect(waiting!.waitsUntil).toBeInstanceOf(Date);
    await expect(approveApplication(roles.admin, applicant.id, request)).rejects.toThrow(UserError);

    // The focal point sees it on their page.
    const mine = await listOrganisationApplications(focalPoint, org.id);
    expect(mine.items.map((a) => [a.id, a.endorsement])).toEqual([[applicant.id, null]]);

    await endorseApplication(focalPoint, applicant.id, request);
    const endorsed = await inConsole(applicant.id);
    expect(endorsed!.endorsement).toMatchObject({ state: 'endorsed', by: 'Grace Focal', reason: null });
    expect(endorsed!.waitsUntil).toBeNull();
    expect((await emailsTo(roles.admin.email)).map((m) => m.template)).toEqual(['newApplication']);
    expect(await auditOf(applicant.id, 'application.endorsed')).toHaveLength(1);
    // Given once.
    await expect(declineEndorsement(focalPoint, applicant.id, 'Changed my mind.', request)).rejects.toThrow(UserError);

    await approveApplication(roles.admin, applicant.id, request);
    expect((await userById(applicant.id))!.status).toBe('active');
  });

  it('declined with a reason reaches the admin with that reason; the admin decides', async () => {
    const { focalPoint, applicant } = await applicationWithFocalPoint();
    await declineEndorsement(focalPoint, applicant.id, 'Not one of our staff.', request);
    expect((await inConsole(applicant.id))!.endorsement).toMatchObject({ state: 'declined', reason: 'Not one of our staff.' });
    const [row] = await auditOf(applicant.id, 'application.endorsement_declined');
    expect(row!.details).toMatchObject({ reason: 'Not one of our staff.' });
    await approveApplication(roles.admin, applicant.id, request);
  });

  it('may be decided without the focal point once it has waited the configured days', async () => {
    const { applicant } = await applicationWithFocalPoint();
    const days = (await peopleSettings()).endorsementWaitDays;
    await getDb()
      .update(users)
      .set({ emailVerifiedAt: new Date(Date.now() - (days + 1) * 86_400_000) })
      .where(eq(users.id, applicant.id));
    expect((await inConsole(applicant.id))!.waitsUntil).toBeNull();
    await approveApplication(roles.admin, applicant.id, request);
    expect((await userById(applicant.id))!.status).toBe('active');
  });

  it('cannot be endorsed by anyone but its own focal points (or an admin): not found', async () => {
    const { org, applicant } = await applicationWithFocalPoint();
    const otherFocalPoint = await signedIn({ isFocalPoint: true });
    const colleague = await signedIn({ organisationId: org.id });
    for (const viewer of [roles.member, roles.moderator, otherFocalPoint, colleague]) {
      await expect(endorseApplication(viewer, applicant.id, request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(declineEndorsement(viewer, applicant.id, 'No.', request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listOrganisationApplications(viewer, org.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await userById(applicant.id))!.endorsement).toBeNull();
  });
});

describe('an application from an organisation without a focal point', () => {
  it('goes straight to the Secretariat, as before', async () => {
    const org = await createOrganisation();
    const input = registration({ organisationId: org.id });
    const before = (await emailsTo(roles.admin.email)).length;
    await registerApplicant(input, request);
    await verifyEmail(linkIn((await emailsTo(input.email))[0]!.text).searchParams.get('token')!, request);
    const [applicant] = await getDb().select().from(users).where(eq(users.email, input.email));
    expect((await inConsole(applicant!.id))!.waitsUntil).toBeNull();
    expect(await emailsTo(roles.admin.email)).toHaveLength(before + 1);
  });
});

describe('the endorsement settings', () => {
  it('are changed by admins only, audited; with no wait the admin decides at once', async () => {
    for (const viewer of [roles.member, roles.focalPoint, roles.moderator]) {
      await expect(setPeopleSettings(viewer, { endorsementWaitDays: 0, invitationsSkipApproval: true }, request)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    expect(await peopleSettings()).toEqual({ endorsementWaitDays: 7, invitationsSkipApproval: false });
    await setPeopleSettings(roles.admin, { endorsementWaitDays: 0, invitationsSkipApproval: false }, request);
    expect((await peopleSettings()).endorsementWaitDays).toBe(0);
    const { applicant } = await applicationWithFocalPoint();
    expect((await inConsole(applicant.id))!.waitsUntil).toBeNull();
    await approveApplication(roles.admin, applicant.id, request);
    await setPeopleSettings(roles.admin, { endorsementWaitDays: 7, invitationsSkipApproval: false }, request);
  });
});
