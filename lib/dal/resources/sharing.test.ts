import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { spaceMembers, spaces } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError, UserError } from '@/lib/errors';
import { createOrganisation, signedIn } from '@/testing/factories';
import { resourceInput as base, resourcePeople, type ResourcePeople } from '@/testing/resources';
import { contributingOrganisations } from './options';
import { countResources, getResource, listResources } from './resources';
import { createResource } from './write';

const request = { ip: '203.0.113.9', userAgent: 'vitest' };
let people: ResourcePeople;
type Who = keyof ResourcePeople;

beforeAll(async () => {
  people = await resourcePeople();
});

describe('shared with a discussion space (the discussions’ own rule, spaceAccess)', () => {
  it('request-only space: its members, the contributing organisation, moderators and admins', async () => {
    const [space] = await getDb().insert(spaces).values({ slug: 'wg-res', name: 'Working group', access: 'request' }).returning();
    await getDb()
      .insert(spaceMembers)
      .values([people.contributor, people.otherSector].map((p) => ({ spaceId: space!.id, userId: p.id })));
    // Only a space the contributor reads can be chosen.
    await expect(createResource(people.sameSector, base({ visibility: 'space', spaceId: space!.id }), request)).rejects.toThrow(UserError);
    const id = await createResource(people.contributor, base({ title: 'Zebulon working notes', visibility: 'space', spaceId: space!.id }), request);
    const sees: Record<Who, boolean> = {
      contributor: true,
      colleague: true,
      focalPoint: true,
      sameSector: false,
      otherSector: true,
      moderator: true,
      admin: true,
    };
    for (const who of Object.keys(sees) as Who[]) {
      const listed = (await listResources(people[who], { q: 'zebulon' })).items.map((r) => r.id);
      expect(listed, who).toEqual(sees[who] ? [id] : []);
      expect((await countResources(people[who], { q: 'zebulon' })).count, who).toBe(sees[who] ? 1 : 0);
      if (sees[who]) expect((await getResource(people[who], id)).spaceName).toBe('Working group');
      else await expect(getResource(people[who], id)).rejects.toThrow(NotFoundError);
    }
  });

  it('sector space: members of its sectors', async () => {
    const [space] = await getDb()
      .insert(spaces)
      .values({ slug: 'gov-res', name: 'Governments', access: 'sector', sectors: ['government'] })
      .returning();
    const id = await createResource(people.contributor, base({ title: 'Zephyr sector notes', visibility: 'space', spaceId: space!.id }), request);
    expect((await listResources(people.sameSector, { q: 'zephyr' })).items.map((r) => r.id)).toEqual([id]);
    expect((await listResources(people.otherSector, { q: 'zephyr' })).items).toHaveLength(0);
  });
});

describe('the organisation filter of the list', () => {
  it('names only organisations with a resource the viewer can see', async () => {
    const quiet = await createOrganisation({ sector: 'private_sector' });
    const insider = await signedIn({ organisationId: quiet.id });
    await createResource(insider, base({ title: 'Internal only', visibility: 'organisation' }), request);
    // By id (the filter already chosen) and by name (the type-ahead), under the same rule.
    const byId = async (viewer: Viewer, id: string) => (await contributingOrganisations(viewer, { id })).map((o) => o.id);
    const byName = async (viewer: Viewer, q: string) => (await contributingOrganisations(viewer, { q })).map((o) => o.id);
    expect(await byId(insider, quiet.id)).toEqual([quiet.id]);
    expect(await byName(insider, quiet.name)).toContain(quiet.id);
    expect(await byId(people.otherSector, quiet.id)).toEqual([]);
    expect(await byName(people.otherSector, quiet.name)).not.toContain(quiet.id);
    expect(await byId(people.otherSector, people.contributor.organisationId!)).toEqual([people.contributor.organisationId]);
    expect(await byId(people.admin, quiet.id)).toEqual([quiet.id]);
    expect(await byName(people.admin, 'x')).toEqual([]);
  });
});

describe('moderators and resources restricted to another organisation (item 4, decision 022)', () => {
  it('a moderator sees what their own organisation and sector may see, and nothing restricted to another organisation', async () => {
    const moderator = people.moderator;
    const civilColleague = await signedIn({ organisationId: moderator.organisationId });
    const ownOrg = await createResource(civilColleague, base({ title: 'Quokka civil internal', visibility: 'organisation' }), request);
    const ownSector = await createResource(
      people.contributor,
      base({ title: 'Quokka for civil society', visibility: 'sectors', sectors: ['civil_society'] }),
      request,
    );
    const otherOrg = await createResource(people.contributor, base({ title: 'Quokka government internal', visibility: 'organisation' }), request);
    const otherSector = await createResource(
      people.contributor,
      base({ title: 'Quokka for governments', visibility: 'sectors', sectors: ['government'] }),
      request,
    );

    const listed = (await listResources(moderator, { q: 'quokka' })).items.map((r) => r.id).sort();
    expect(listed).toEqual([ownOrg, ownSector].sort());
    expect((await countResources(moderator, { q: 'quokka' })).count).toBe(2);
    expect((await getResource(moderator, ownOrg)).title).toBe('Quokka civil internal');
    for (const id of [otherOrg, otherSector]) await expect(getResource(moderator, id)).rejects.toThrow(NotFoundError);
    // Admins still see all four.
    expect((await listResources(people.admin, { q: 'quokka' })).items).toHaveLength(4);
  });
});
