import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, organisations, resources, spaceMembers } from '@/db/schema';
import { createOrganisation, createUser, everyRole, signedIn, userById } from '@/testing/factories';
import { addMember, createSpace, withoutPostingLimits } from '@/testing/discussions';
import { viewerForSession } from '@/lib/auth/sessions';
import { getOrganisationBySlug } from '@/lib/dal/directory/organisations';
import { listPosts } from '@/lib/dal/discussions/posts';
import { createThread } from '@/lib/dal/discussions/posts-write';
import { getResource } from '@/lib/dal/resources/resources';
import { reactivateUser } from './users';
import { NotFoundError } from '@/lib/errors';
import { organisationSchema, type OrganisationInput } from '@/lib/validation/admin';
import { deactivateOrganisation, getOrganisation, listOrganisations, reactivateOrganisation, updateOrganisation } from './organisations';

const request = { ip: '198.51.100.20', userAgent: 'vitest' };
let roles: Awaited<ReturnType<typeof everyRole>>;

beforeAll(async () => {
  roles = await everyRole();
});

const orgById = async (id: string) => (await getDb().select().from(organisations).where(eq(organisations.id, id)))[0]!;
const auditFor = (targetId: string) => getDb().select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(auditLog.id);

async function editInput(id: string, over: Record<string, string> = {}): Promise<OrganisationInput> {
  const org = (await getOrganisation(roles.admin, id))!;
  return organisationSchema.parse({
    organisationId: id,
    version: org.version,
    name: org.name,
    sector: org.sector,
    ...(org.country ? { country: org.country } : {}),
    ...(org.website ? { website: org.website } : {}),
    emailDomains: org.emailDomains.join('\n'),
    ...over,
  });
}

describe('organisation management', () => {
  it('does not exist for anyone but an admin', async () => {
    const org = await createOrganisation();
    const input = await editInput(org.id, { name: 'Taken over' });
    for (const viewer of [roles.member, roles.focalPoint, roles.moderator]) {
      await expect(listOrganisations(viewer)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getOrganisation(viewer, org.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateOrganisation(viewer, input, request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(deactivateOrganisation(viewer, org.id, 'Left the alliance', request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(reactivateOrganisation(viewer, org.id, request)).rejects.toBeInstanceOf(NotFoundError);
    }
    // Not even their own organisation.
    await expect(updateOrganisation(roles.focalPoint, { ...input, organisationId: roles.focalPoint.organisationId }, request)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await orgById(org.id)).toMatchObject({ name: org.name, status: 'active' });
    expect(await auditFor(org.id)).toHaveLength(0);
  });

  it('lists every status, searching names without regard to case or accents, with combined filters', async () => {
    const match = await createOrganisation({ name: 'Fundación Niñez Segura', sector: 'civil_society', status: 'inactive' });
    await createOrganisation({ name: 'Fundacion Ninez Abierta', sector: 'civil_society', status: 'active' });
    await createOrganisation({ name: 'Fundación Niñez Estado', sector: 'government', status: 'inactive' });
    await createUser({ organisationId: match.id });
    await createUser({ organisationId: match.id, status: 'pending' });
    expect((await listOrganisations(roles.admin, { q: 'FUNDACION NINEZ' })).items).toHaveLength(3);
    const { items } = await listOrganisations(roles.admin, { q: 'fundacion', sector: 'civil_society', status: 'inactive' });
    expect(items.map((o) => o.id)).toEqual([match.id]);
    expect(items[0]).toMatchObject({ status: 'inactive', activeMembers: 1, emailDomains: match.emailDomains });
    expect((await listOrganisations(roles.admin, { q: '%' })).items).toEqual([]);
  });

  it('pages by name without overlap; a bad cursor gives the first page', async () => {
    for (let i = 0; i < 27; i++) await createOrganisation({ name: `Paged Org ${i % 3}` });
    const first = await listOrganisations(roles.admin, { q: 'paged org' });
    const second = await listOrganisations(roles.admin, { q: 'paged org', cursor: first.next! });
    expect(first.items).toHaveLength(25);
    expect(second.items).toHaveLength(2);
    expect(second.next).toBeNull();
    const ids = [...first.items, ...second.items].map((o) => o.id);
    expect(new Set(ids).size).toBe(27);
    expect((await listOrganisations(roles.admin, { q: 'paged org', cursor: second.previous! })).items.map((o) => o.id)).toEqual(
      first.items.map((o) => o.id),
    );
    expect((await listOrganisations(roles.admin, { q: 'paged org', cursor: '💥' })).items.map((o) => o.id)).toEqual(first.items.map((o) => o.id));
  });

  it('saves changed details and records exactly what changed', async () => {
    const org = await createOrganisation({ name: 'Old Name', sector: 'government', country: 'FR', emailDomains: ['old.example'], website: null });
    const changed = await updateOrganisation(
      roles.admin,
      await editInput(org.id, { name: 'New Name', website: 'new.example', emailDomains: 'new.example, @OLD.example\nnew.example' }),
      request,
    );
    expect(changed).toEqual(['name', 'website', 'emailDomains']);
    const saved = await orgById(org.id);
    expect(saved).toMatchObject({ name: 'New Name', slug: org.slug, website: 'https://new.example', emailDomains: ['new.example', 'old.example'] });
    const [row] = await auditFor(org.id);
    expect(row).toMatchObject({ action: 'organisation.updated', actorId: roles.admin.id, targetType: 'organisation', ip: request.ip });
    expect(row!.details).toEqual({
      changes: {
        name: { from: 'Old Name', to: 'New Name' },
        website: { from: null, to: 'https://new.example' },
        emailDomains: { from: ['old.example'], to: ['new.example', 'old.example'] },
      },
    });
    expect(await updateOrganisation(roles.admin, await editInput(org.id), request)).toEqual([]);
    expect(await auditFor(org.id)).toHaveLength(1);
  });

  it('refuses a save based on an outdated form', async () => {
    const org = await createOrganisation();
    const stale = await editInput(org.id, { name: 'First edit' });
    await updateOrganisation(roles.admin, await editInput(org.id, { name: 'Someone else' }), request);
    await expect(updateOrganisation(roles.admin, stale, request)).rejects.toMatchObject({ messageKey: 'errors.stale' });
    expect((await orgById(org.id)).name).toBe('Someone else');
  });

  it('lets intergovernmental organisations have no country, and nobody else', () => {
    const base = { organisationId: crypto.randomUUID(), version: 'v', name: 'World Body' };
    expect(organisationSchema.safeParse({ ...base, sector: 'intergovernmental' }).success).toBe(true);
    const missing = organisationSchema.safeParse({ ...base, sector: 'government' });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues[0]!.path).toEqual(['country']);
    expect(organisationSchema.safeParse({ ...base, sector: 'government', country: 'XX' }).success).toBe(false);
    const badDomain = organisationSchema.safeParse({ ...base, sector: 'intergovernmental', emailDomains: 'good.example\nnot a domain' });
    expect(badDomain.error!.issues.map((i) => [i.path, i.message])).toEqual([[['emailDomains'], 'invalidDomain']]);
    const both = organisationSchema.safeParse({ ...base, sector: 'government', emailDomains: 'not a domain' });
    expect(both.error!.issues.map((i) => i.path[0]).sort()).toEqual(['country', 'emailDomains']);
  });

  it('deactivates and reactivates, but never the Secretariat', async () => {
    const org = await createOrganisation();
    await deactivateOrganisation(roles.admin, org.id, 'Left the alliance', request);
    expect((await orgById(org.id)).status).toBe('inactive');
    await expect(deactivateOrganisation(roles.admin, org.id, 'Left the alliance', request)).rejects.toMatchObject({ messageKey: 'errors.stale' });
    await reactivateOrganisation(roles.admin, org.id, request);
    expect((await orgById(org.id)).status).toBe('active');
    expect((await auditFor(org.id)).map((r) => [r.action, r.details])).toEqual([
      [
        'organisation.deactivated',
        { from: 'active', to: 'inactive', reason: 'Left the alliance', membersSuspended: 0, sessionsEnded: 0, spaceMembershipsEnded: 0 },
      ],
      ['organisation.reactivated', { from: 'inactive', to: 'active', membersRestored: 0 }],
    ]);

    const secretariat = await createOrganisation({ isSecretariat: true });
    await expect(deactivateOrganisation(roles.admin, secretariat.id, 'No', request)).rejects.toMatchObject({
      messageKey: 'admin.organisations.secretariatStaysActive',
    });
    expect((await orgById(secretariat.id)).status).toBe('active');
    await expect(deactivateOrganisation(roles.admin, 'nope', 'No', request)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getOrganisation(roles.admin, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});

describe('offboarding an organisation', () => {
  it('signs its people out at once, suspends them, ends their space memberships; reactivation restores only those who were active', async () => {
    const org = await createOrganisation({ name: 'Leaving Org' });
    const alice = await signedIn({ organisationId: org.id });
    const bob = await signedIn({ organisationId: org.id, isFocalPoint: true });
    const suspendedBefore = await createUser({ organisationId: org.id, status: 'suspended' });
    const pending = await createUser({ organisationId: org.id, status: 'pending' });
    const outsider = await signedIn();
    const space = await createSpace({ access: 'request' });
    await addMember(space.id, alice.id);
    await addMember(space.id, outsider.id);
    const restore = withoutPostingLimits();
    const { threadId } = await createThread(
      alice,
      { spaceId: (await createSpace()).id, title: 'Before we left', body: 'Still here', urgent: false },
      request,
    );
    restore();
    const [ownOnly] = await getDb()
      .insert(resources)
      .values({
        organisationId: org.id,
        contributorId: alice.id,
        title: 'Internal',
        type: 'report',
        visibility: 'organisation',
        url: 'https://example.org/internal',
      })
      .returning();
    const [everyone] = await getDb()
      .insert(resources)
      .values({
        organisationId: org.id,
        contributorId: alice.id,
        title: 'Public',
        type: 'report',
        visibility: 'all_members',
        url: 'https://example.org/public',
      })
      .returning();

    expect(await viewerForSession(alice.rawSessionId)).not.toBeNull();
    await deactivateOrganisation(roles.admin, org.id, 'Left the alliance', request);

    // The next request of each of its people finds no session.
    expect(await viewerForSession(alice.rawSessionId)).toBeNull();
    expect(await viewerForSession(bob.rawSessionId)).toBeNull();
    expect(await viewerForSession(outsider.rawSessionId)).not.toBeNull();
    expect((await userById(alice.id))!).toMatchObject({ status: 'suspended', suspendedWithOrganisation: true });
    expect((await userById(suspendedBefore.id))!).toMatchObject({ status: 'suspended', suspendedWithOrganisation: false });
    expect((await userById(pending.id))!.status).toBe('pending');
    const members = await getDb().select({ userId: spaceMembers.userId }).from(spaceMembers).where(eq(spaceMembers.spaceId, space.id));
    expect(members.map((m) => m.userId)).toEqual([outsider.id]);
    expect(await orgById(org.id)).toMatchObject({ status: 'inactive', deactivationReason: 'Left the alliance' });
    expect((await auditFor(org.id)).map((r) => r.details)).toEqual([
      { from: 'active', to: 'inactive', reason: 'Left the alliance', membersSuspended: 2, sessionsEnded: 2, spaceMembershipsEnded: 1 },
    ]);

    // Posts stay, marked; the page says it is no longer a member; own-organisation resources are for admins only.
    const [post] = await listPosts(outsider, threadId, 1);
    expect(post).toMatchObject({ authorOrganisation: 'Leaving Org', authorFormerMember: true, cooked: expect.stringContaining('Still here') });
    expect(await getOrganisationBySlug(outsider, org.slug)).toMatchObject({ formerMember: true, canEdit: false });
    await expect(getResource(roles.moderator, ownOnly!.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getResource(roles.admin, ownOnly!.id)).title).toBe('Internal');
    expect((await getResource(outsider, everyone!.id)).title).toBe('Public');

    // One person cannot be brought back while the organisation is not a member.
    await expect(reactivateUser(roles.admin, alice.id, request)).rejects.toMatchObject({ messageKey: 'admin.user.organisationNotMember' });

    await reactivateOrganisation(roles.admin, org.id, request);
    expect((await userById(alice.id))!).toMatchObject({ status: 'active', suspendedWithOrganisation: false });
    expect((await userById(bob.id))!.status).toBe('active');
    expect((await userById(suspendedBefore.id))!.status).toBe('suspended');
    expect(await orgById(org.id)).toMatchObject({ status: 'active', deactivationReason: null, deactivatedAt: null });
    expect((await auditFor(org.id)).at(-1)!.details).toEqual({ from: 'inactive', to: 'active', membersRestored: 2 });
    expect((await listPosts(outsider, threadId, 1))[0]!.authorFormerMember).toBe(false);
    // Moderators never see another organisation's own-only resources (decision 022), active or not.
    await expect(getResource(roles.moderator, ownOnly!.id)).rejects.toBeInstanceOf(NotFoundError);
    // The old sessions stay ended: they sign in again.
    expect(await viewerForSession(alice.rawSessionId)).toBeNull();
  });
});
