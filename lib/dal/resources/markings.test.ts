import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, type TlpMarking } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { openVisibleFile } from '@/lib/dal/files/files';
import { receiveUpload } from '@/lib/uploads/receive';
import { createOrganisation } from '@/testing/factories';
import { resourceInput as base, resourcePeople, type ResourcePeople } from '@/testing/resources';
import { getPublication, listPublications } from './publications';
import { countResources, getResource, listResources, newestResources } from './resources';
import { createResource, updateResource } from './write';

const request = { ip: '203.0.113.9', userAgent: 'vitest' };
let people: ResourcePeople;
type Who = keyof ResourcePeople;
/** Named for RED and whose organisation is chosen for AMBER: the civil society member (otherSector). */

beforeAll(async () => {
  people = await resourcePeople();
});

/**
 * The resource is shared with all members and contributed by `contributor` (government organisation);
 * AMBER chooses the civil society organisation (otherSector's, which is also the moderator's); RED names
 * otherSector.
 */
const SEES: Record<TlpMarking, Record<Who, boolean>> = {
  clear: { contributor: true, colleague: true, focalPoint: true, sameSector: true, otherSector: true, moderator: true, admin: true },
  green: { contributor: true, colleague: true, focalPoint: true, sameSector: true, otherSector: true, moderator: true, admin: true },
  amber: { contributor: true, colleague: true, focalPoint: true, sameSector: false, otherSector: true, moderator: true, admin: false },
  amber_strict: { contributor: true, colleague: true, focalPoint: true, sameSector: false, otherSector: false, moderator: false, admin: false },
  red: { contributor: true, colleague: false, focalPoint: false, sameSector: false, otherSector: true, moderator: false, admin: false },
};

describe('TLP markings on resources', () => {
  for (const marking of Object.keys(SEES) as TlpMarking[]) {
    it(`${marking}: lists, counts, search, newest and single reads follow the marking for every role`, async () => {
      const word = `quillwort${marking.replace('_', '')}`;
      const id = await createResource(
        people.contributor,
        base({
          title: `Report ${word}`,
          marking,
          markingOrganisations: [people.otherSector.organisationId],
          markingPeople: [people.otherSector.id],
        }),
        request,
      );
      for (const who of Object.keys(SEES[marking]) as Who[]) {
        const v = people[who];
        const sees = SEES[marking][who];
        expect(
          (await listResources(v, { q: word })).items.map((r) => r.id),
          who,
        ).toEqual(sees ? [id] : []);
        expect((await countResources(v, { q: word })).count, who).toBe(sees ? 1 : 0);
        expect(
          (await newestResources(v, 50)).some((r) => r.id === id),
          who,
        ).toBe(sees);
        if (sees) expect((await getResource(v, id)).marking, who).toBe(marking);
        else await expect(getResource(v, id), who).rejects.toBeInstanceOf(NotFoundError);
      }
    });
  }

  it("a marked resource's file downloads for exactly those who see the resource, admins included", async () => {
    for (const marking of ['green', 'amber_strict', 'red'] as const) {
      const bytes = Buffer.from(`notes under ${marking}\n`);
      const upload = await receiveUpload(
        people.contributor,
        { fileName: 'notes.txt', body: Readable.from([bytes]), declaredSize: bytes.length },
        request,
      );
      if (!upload.ok) throw new Error(upload.refusal);
      await createResource(
        people.contributor,
        base({ kind: 'file', fileId: upload.file.id, url: undefined, marking, markingPeople: [people.otherSector.id] }),
        request,
      );
      for (const who of Object.keys(SEES[marking]) as Who[]) {
        const opened = openVisibleFile(people[who], upload.file.id);
        if (SEES[marking][who]) expect((await opened).size, `${marking} ${who}`).toBe(bytes.length);
        else await expect(opened, `${marking} ${who}`).rejects.toBeInstanceOf(NotFoundError);
      }
    }
  });

  it('shows who an AMBER or RED resource is for to those who see it', async () => {
    const id = await createResource(
      people.contributor,
      base({ title: 'Named list', marking: 'red', markingPeople: [people.otherSector.id, people.otherSector.id] }),
      request,
    );
    expect((await getResource(people.otherSector, id)).markingPeople.map((p) => p.id)).toEqual([people.otherSector.id]);
  });

  it('an edit that lowers the marking is audited as lowered; one that raises it as not', async () => {
    const id = await createResource(people.contributor, base({ title: 'Re-marked', marking: 'amber_strict' }), request);
    const edit = (marking: TlpMarking, extra: { markingPeople?: string[] } = {}) =>
      updateResource(
        people.contributor,
        { ...base({ title: 'Re-marked' }), resourceId: id, marking, markingOrganisations: [], markingPeople: [], ...extra },
        request,
      );
    expect(await edit('green')).toContain('marking');
    expect(await edit('red', { markingPeople: [people.admin.id] })).toContain('marking');
    // Named, the admin now sees it; the colleague no longer does.
    expect((await getResource(people.admin, id)).marking).toBe('red');
    await expect(getResource(people.colleague, id)).rejects.toBeInstanceOf(NotFoundError);
    const rows = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'resource.marking_changed'), eq(auditLog.targetId, id)));
    expect(rows.map((r) => [(r.details as { to: string }).to, (r.details as { lowered: boolean }).lowered])).toEqual(
      expect.arrayContaining([
        ['green', true],
        ['red', false],
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it('refuses an organisation that is not active', async () => {
    const proposed = await createOrganisation({ status: 'proposed' });
    await expect(createResource(people.contributor, base({ marking: 'amber', markingOrganisations: [proposed.id] }), request)).rejects.toMatchObject({
      field: 'markingOrganisations',
    });
  });
});

describe('/publications (CLEAR resources shared with all members)', () => {
  it('lists and shows CLEAR reports to anyone, by words and language, and nothing else', async () => {
    const clear = await createResource(
      people.contributor,
      base({ title: 'Lanternfish threat assessment', marking: 'clear', languages: ['fr'] }),
      request,
    );
    const green = await createResource(
      people.contributor,
      base({ title: 'Lanternfish members notes', marking: 'green', languages: ['fr'] }),
      request,
    );
    const clearSector = await createResource(
      people.contributor,
      base({ title: 'Lanternfish sector brief', marking: 'clear', visibility: 'sectors', sectors: ['government'] }),
      request,
    );
    const listed = (await listPublications({ q: 'lanternfish' })).items.map((p) => p.id);
    expect(listed).toEqual([clear]);
    expect((await listPublications({ q: 'lanternfish', language: 'fr' })).items.map((p) => p.id)).toEqual([clear]);
    expect((await listPublications({ q: 'lanternfish', language: 'ar' })).items).toEqual([]);
    expect((await getPublication(clear)).title).toBe('Lanternfish threat assessment');
    for (const id of [green, clearSector, 'not-a-uuid']) await expect(getPublication(id)).rejects.toBeInstanceOf(NotFoundError);
    const item = (await listPublications({ q: 'lanternfish' })).items[0]!;
    expect(Object.keys(item).sort()).toEqual(['createdAt', 'id', 'isLink', 'languages', 'organisationName', 'snippet', 'title', 'type', 'year']);
  });
});
