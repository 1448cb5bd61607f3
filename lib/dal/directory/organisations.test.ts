import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, organisations } from '@/db/schema';
import { createOrganisation, everyRole, signedIn } from '@/testing/factories';
import { NotFoundError } from '@/lib/errors';
import { encodeCursor } from '@/lib/dal/pagination';
import { organisationDirectorySchema, organisationProfileSchema } from '@/lib/validation/profile';
import { canEditOrganisation } from './access';
import {
  countOrganisationsBySector,
  getOrganisationBySlug,
  listSectorOrganisations,
  organisationDirectory,
  updateOrganisationProfile,
} from './organisations';

const request = { ip: '198.51.100.30', userAgent: 'vitest' };
let roles: Awaited<ReturnType<typeof everyRole>>;
let member: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  roles = await everyRole();
  // The factories made one civil society organisation per role; start the counts from here.
  await getDb().update(organisations).set({ status: 'inactive' });
  await getDb().update(organisations).set({ isSecretariat: true }).where(eq(organisations.id, roles.admin.organisationId));
  await createOrganisation({ name: 'International Justice Network', sector: 'civil_society', country: 'FR', slug: 'ijn' });
  await createOrganisation({ name: 'Gouvernement du Sénégal', sector: 'government', country: 'SN', slug: 'gov-sn' });
  await createOrganisation({ name: 'Government of Japan', sector: 'government', country: 'JP', slug: 'gov-jp' });
  await createOrganisation({ name: 'Government of France', sector: 'government', country: 'FR', slug: 'gov-fr' });
  await createOrganisation({ name: 'Blue Cloud', sector: 'private_sector', country: 'JP', slug: 'blue-cloud' });
  await createOrganisation({ name: 'Regional Council', sector: 'intergovernmental', country: null, slug: 'regional-council' });
  await createOrganisation({ name: 'Dormant Helpline', sector: 'civil_society', country: 'FR', status: 'inactive', slug: 'dormant' });
  member = await signedIn({
    organisationId: (await createOrganisation({ name: 'Helpline Senegal', sector: 'civil_society', country: 'SN', slug: 'helpline-sn' })).id,
  });
});

const filters = (raw: Record<string, string>) => organisationDirectorySchema.parse(raw);

describe('organisation directory', () => {
  it('groups by sector in the fixed order with counts, leaving out the Secretariat and inactive organisations', async () => {
    const groups = await organisationDirectory(member, {});
    expect(groups.map((g) => g.sector)).toEqual(['government', 'private_sector', 'civil_society', 'intergovernmental']);
    expect(groups.map((g) => g.count)).toEqual([3, 1, 2, 1]);
    expect(groups[0]!.page.items.map((o) => o.name)).toEqual(['Gouvernement du Sénégal', 'Government of France', 'Government of Japan']);
    const all = groups.flatMap((g) => g.page.items.map((o) => o.slug));
    expect(all).not.toContain('dormant');
    expect(all).not.toContain(roles.admin.organisationId);
  });

  it('combines filters: sector, country and region', async () => {
    expect(await countOrganisationsBySector(member, filters({ country: 'fr' }))).toEqual({
      government: 1,
      private_sector: 0,
      civil_society: 1,
      intergovernmental: 0,
    });
    expect(await countOrganisationsBySector(member, filters({ region: 'africa' }))).toEqual({
      government: 1,
      private_sector: 0,
      civil_society: 1,
      intergovernmental: 0,
    });
    const asia = await countOrganisationsBySector(member, filters({ region: 'asia' }));
    expect(asia).toEqual({ government: 1, private_sector: 1, civil_society: 0, intergovernmental: 0 });
    const groups = await organisationDirectory(member, filters({ sector: 'government', region: 'europe' }));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.page.items.map((o) => o.slug)).toEqual(['gov-fr']);
    expect((await organisationDirectory(member, filters({ sector: 'government', country: 'JP', q: 'france' })))[0]!.count).toBe(0);
  });

  it('finds names despite typos and accents', async () => {
    const typo = await listSectorOrganisations(member, 'civil_society', filters({ q: 'Internatonal' }));
    expect(typo.items.map((o) => o.name)).toEqual(['International Justice Network']);
    const accent = await listSectorOrganisations(member, 'government', filters({ q: 'senegal' }));
    expect(accent.items.map((o) => o.name)).toEqual(['Gouvernement du Sénégal']);
    const wildcard = await listSectorOrganisations(member, 'government', filters({ q: '%' }));
    expect(wildcard.items).toEqual([]);
  });

  it('ignores unknown filter values and huge or forged cursors', async () => {
    const parsed = filters({ sector: 'pirates', country: 'ZZ', region: 'atlantis', cursor: 'x'.repeat(100_000) });
    expect(parsed).toEqual({ q: undefined, sector: undefined, country: undefined, region: undefined, cursor: undefined });
    const forged = encodeCursor('after', ["'); drop table users; --", 'not-a-uuid']);
    const page = await listSectorOrganisations(member, 'government', { cursor: forged });
    expect(page.items).toHaveLength(3);
    const paged = await listSectorOrganisations(member, 'government', {}, 2);
    expect(paged.items).toHaveLength(2);
    const second = await listSectorOrganisations(member, 'government', { cursor: paged.next! }, 2);
    expect(second.items.map((o) => o.slug)).toEqual(['gov-jp']);
  });

  it('shows an organisation page to members when it is active or a former member (saying so); admins see any', async () => {
    expect(await getOrganisationBySlug(member, 'ijn')).toMatchObject({ name: 'International Justice Network', formerMember: false });
    expect(await getOrganisationBySlug(member, 'dormant')).toMatchObject({ name: 'Dormant Helpline', formerMember: true });
    await createOrganisation({ name: 'Proposed Body', status: 'proposed', slug: 'proposed-body' });
    await expect(getOrganisationBySlug(member, 'proposed-body')).rejects.toBeInstanceOf(NotFoundError);
    expect((await getOrganisationBySlug(roles.admin, 'proposed-body')).name).toBe('Proposed Body');
    await expect(getOrganisationBySlug(member, '../etc')).rejects.toBeInstanceOf(NotFoundError);
    expect((await getOrganisationBySlug(roles.admin, 'dormant')).name).toBe('Dormant Helpline');
  });
});

describe('editing an organisation profile', () => {
  it('is allowed to its focal points and admins, refused to every other role', async () => {
    const org = await createOrganisation({ sector: 'civil_society', slug: 'editable' });
    const focal = await signedIn({ organisationId: org.id, isFocalPoint: true });
    const colleague = await signedIn({ organisationId: org.id });
    const colleagueModerator = await signedIn({ organisationId: org.id, role: 'moderator' });
    const input = organisationProfileSchema.parse({
      organisationId: org.id,
      description: '**Hello** <script>alert(1)</script>',
      website: 'example.org',
    });

    for (const viewer of [roles.member, roles.focalPoint, roles.moderator, colleague, colleagueModerator]) {
      expect(canEditOrganisation(viewer, org.id)).toBe(false);
      await expect(updateOrganisationProfile(viewer, input, request)).rejects.toBeInstanceOf(NotFoundError);
    }
    let [row] = await getDb().select().from(organisations).where(eq(organisations.id, org.id));
    expect(row!.description).toBeNull();

    await updateOrganisationProfile(focal, input, request);
    [row] = await getDb().select().from(organisations).where(eq(organisations.id, org.id));
    expect(row!.website).toBe('https://example.org');
    expect(row!.descriptionHtml).toContain('<strong>Hello</strong>');
    expect(row!.descriptionHtml).not.toContain('<script');

    await updateOrganisationProfile(roles.admin, { ...input, description: 'By the Secretariat' }, request);
    [row] = await getDb().select().from(organisations).where(eq(organisations.id, org.id));
    expect(row!.description).toBe('By the Secretariat');
    const trail = await getDb().select().from(auditLog).where(eq(auditLog.targetId, org.id));
    expect(trail.map((a) => a.action)).toEqual(['organisation.profile_updated', 'organisation.profile_updated']);
    expect(trail.map((a) => a.actorId)).toEqual([focal.id, roles.admin.id]);
  });
});
