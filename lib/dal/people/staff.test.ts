import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLog, invitations, sessions, users } from '@/db/schema';
import { createOrganisation, everyRole, signedIn, userById } from '@/testing/factories';
import { emailsTo, linkIn, registration, request } from '@/testing/accounts';
import { registerApplicant, verifyEmail } from '@/lib/dal/accounts/accounts';
import { listApplications } from '@/lib/dal/console/applications';
import { decideNomination, listNominations } from '@/lib/dal/console/nominations';
import { NotFoundError, UserError } from '@/lib/errors';
import { managedOrganisation } from './access';
import { invitationPreview, inviteColleague } from './invitations';
import { listMembers } from './people';
import { setPeopleSettings } from './settings';
import { nominateFocalPoint, removeFromOrganisation } from './staff';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

let roles: Awaited<ReturnType<typeof everyRole>>;
beforeAll(async () => {
  roles = await everyRole();
});

const auditOf = (targetId: string, action: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, targetId), eq(auditLog.action, action as never)));

async function organisationWithFocalPoint() {
  const org = await createOrganisation({ name: 'Safe Online Foundation' });
  const focalPoint = await signedIn({ organisationId: org.id, isFocalPoint: true, name: 'Grace Focal' });
  return { org, focalPoint };
}

describe('the people page', () => {
  it('exists for the organisation’s focal points and admins only', async () => {
    const { org, focalPoint } = await organisationWithFocalPoint();
    const colleague = await signedIn({ organisationId: org.id });
    const otherFocalPoint = await signedIn({ isFocalPoint: true });
    expect(await managedOrganisation(focalPoint, org.slug)).toMatchObject({ id: org.id });
    expect(await managedOrganisation(roles.admin, org.slug)).toMatchObject({ id: org.id });
    for (const viewer of [colleague, otherFocalPoint, roles.member, roles.moderator]) {
      expect(await managedOrganisation(viewer, org.slug)).toBeNull();
      await expect(listMembers(viewer, org.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(inviteColleague(viewer, { organisationId: org.id, email: 'x@example.org', locale: 'en' }, request)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(removeFromOrganisation(viewer, colleague.id, request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(nominateFocalPoint(viewer, colleague.id, request)).rejects.toBeInstanceOf(NotFoundError);
    }
    const members = await listMembers(focalPoint, org.id);
    expect(members.items.map((p) => p.id).sort()).toEqual([focalPoint.id, colleague.id].sort());
    expect((await userById(colleague.id))!.status).toBe('active');
  });
});

describe('an invitation', () => {
  it('lets the invited colleague register with the organisation chosen, once, and reach the admin marked invited and endorsed', async () => {
    const { org, focalPoint } = await organisationWithFocalPoint();
    await inviteColleague(focalPoint, { organisationId: org.id, email: 'Colleague@Safe.example', locale: 'fr' }, request);
    const [mail] = await emailsTo('colleague@safe.example');
    expect(mail!.template).toBe('invitation');
    expect(mail!.subject).toBe('Une invitation à rejoindre Protectors’ Portal');
    const link = linkIn(mail!.text);
    expect(link.pathname).toBe('/register');
    const token = link.searchParams.get('invitation')!;
    // Stored hashed, for 7 days.
    const [stored] = await getDb().select().from(invitations).where(eq(invitations.organisationId, org.id));
    expect(stored!.tokenHash).not.toContain(token);
    expect(stored!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(await invitationPreview(token)).toEqual({ organisationId: org.id, organisationName: org.name, email: 'colleague@safe.example' });

    // Only the invited address may use it; the organisation is the invitation's whatever the form says.
    const other = await createOrganisation();
    await expect(
      registerApplicant(registration({ email: 'someone@else.example', organisationId: other.id, invitation: token }), request),
    ).rejects.toThrow(UserError);
    await registerApplicant(registration({ email: 'colleague@safe.example', organisationId: other.id, invitation: token }), request);
    const [joined] = await getDb().select().from(users).where(eq(users.email, 'colleague@safe.example'));
    expect(joined).toMatchObject({ organisationId: org.id, invitedBy: focalPoint.id, endorsement: 'endorsed', endorsementBy: focalPoint.id });
    expect(await invitationPreview(token)).toBeNull();
    await expect(
      registerApplicant(registration({ email: 'colleague@safe.example', organisationId: org.id, invitation: token }), request),
    ).rejects.toThrow(UserError);

    const verify = (await emailsTo('colleague@safe.example')).find((m) => m.template === 'verifyEmail')!;
    await verifyEmail(linkIn(verify.text).searchParams.get('token')!, request);
    const application = (await listApplications(roles.admin)).items.find((a) => a.id === joined!.id);
    expect(application).toMatchObject({ invited: true, waitsUntil: null, endorsement: { state: 'endorsed', by: 'Grace Focal' } });
    expect(await auditOf(org.id, 'invitation.sent')).toHaveLength(1);
  });

  it('joins at once when endorsed invitations skip approval', async () => {
    const { org, focalPoint } = await organisationWithFocalPoint();
    await setPeopleSettings(roles.admin, { endorsementWaitDays: 7, invitationsSkipApproval: true }, request);
    try {
      await inviteColleague(focalPoint, { organisationId: org.id, email: 'fast@safe.example', locale: 'en' }, request);
      const token = linkIn((await emailsTo('fast@safe.example'))[0]!.text).searchParams.get('invitation')!;
      await registerApplicant(registration({ email: 'fast@safe.example', organisationId: org.id, invitation: token }), request);
      const verify = (await emailsTo('fast@safe.example')).find((m) => m.template === 'verifyEmail')!;
      await verifyEmail(linkIn(verify.text).searchParams.get('token')!, request);
      const [joined] = await getDb().select().from(users).where(eq(users.email, 'fast@safe.example'));
      expect(joined!.status).toBe('active');
      expect((await emailsTo('fast@safe.example')).map((m) => m.template)).toContain('applicationApproved');
    } finally {
      await setPeopleSettings(roles.admin, { endorsementWaitDays: 7, invitationsSkipApproval: false }, request);
    }
  });

  it('sends nothing to an address that already has an account, answering the same; expired links do not work', async () => {
    const { org, focalPoint } = await organisationWithFocalPoint();
    const existing = await signedIn();
    await inviteColleague(focalPoint, { organisationId: org.id, email: existing.email, locale: 'en' }, request);
    expect(await emailsTo(existing.email)).toHaveLength(0);

    await inviteColleague(focalPoint, { organisationId: org.id, email: 'late@safe.example', locale: 'en' }, request);
    const token = linkIn((await emailsTo('late@safe.example'))[0]!.text).searchParams.get('invitation')!;
    await getDb()
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, 'late@safe.example'));
    expect(await invitationPreview(token)).toBeNull();
    await expect(registerApplicant(registration({ email: 'late@safe.example', organisationId: org.id, invitation: token }), request)).rejects.toThrow(
      UserError,
    );
  });
});

describe('removing a person', () => {
  it('suspends them and ends their sessions at once, tells them, and is audited; never oneself or another focal point', async () => {
    const { org, focalPoint } = await organisationWithFocalPoint();
    const person = await signedIn({ organisationId: org.id });
    const other = await signedIn({ organisationId: org.id, isFocalPoint: true });
    await removeFromOrganisation(focalPoint, person.id, request);
    expect((await userById(person.id))!.status).toBe('suspended');
    const live = await getDb()
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, person.id), isNull(sessions.revokedAt)));
    expect(live).toHaveLength(0);
    expect((await emailsTo(person.email)).map((m) => m.template)).toEqual(['removedFromOrganisation']);
    expect(await auditOf(person.id, 'user.removed_from_organisation')).toHaveLength(1);
    expect((await listMembers(focalPoint, org.id)).items.map((p) => p.id)).not.toContain(person.id);

    await expect(removeFromOrganisation(focalPoint, focalPoint.id, request)).rejects.toThrow(UserError);
    await expect(removeFromOrganisation(focalPoint, other.id, request)).rejects.toThrow(UserError);
    await expect(removeFromOrganisation(focalPoint, person.id, request)).rejects.toThrow(UserError);
  });
});

describe('nominating another focal point', () => {
  it('creates a request an admin confirms (audited); one open nomination per person', async () => {
    const { org, focalPoint } = await organisationWithFocalPoint();
    const person = await signedIn({ organisationId: org.id });
    await nominateFocalPoint(focalPoint, person.id, request);
    await expect(nominateFocalPoint(focalPoint, person.id, request)).rejects.toThrow(UserError);
    expect((await listMembers(focalPoint, org.id)).items.find((p) => p.id === person.id)!.nominated).toBe(true);
    expect((await userById(person.id))!.isFocalPoint).toBe(false);

    for (const viewer of [roles.member, roles.moderator, focalPoint]) {
      await expect(listNominations(viewer)).rejects.toBeInstanceOf(NotFoundError);
    }
    const open = (await listNominations(roles.admin)).items.find((n) => n.nominee.id === person.id)!;
    expect(open).toMatchObject({ nominatedBy: { id: focalPoint.id }, organisation: { id: org.id } });
    await expect(decideNomination(focalPoint, open.id, true, request)).rejects.toBeInstanceOf(NotFoundError);
    await decideNomination(roles.admin, open.id, true, request);
    expect((await userById(person.id))!.isFocalPoint).toBe(true);
    await expect(decideNomination(roles.admin, open.id, false, request)).rejects.toThrow(UserError);
    expect(await auditOf(person.id, 'focal_point.nominated')).toHaveLength(1);
    expect(await auditOf(person.id, 'focal_point.nomination_confirmed')).toHaveLength(1);
  });
});
