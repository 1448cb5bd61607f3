import { describe, expect, it, vi } from 'vitest';
import { auditRowsOf, downloadTrailLength } from '@/testing/audit';
import { getResource } from '@/lib/dal/resources/resources';
import { createResource } from '@/lib/dal/resources/write';
import { addMember, createSpace } from '@/testing/discussions';
import { createOrganisation, signedIn } from '@/testing/factories';
import { actAs } from '@/testing/request-scope';
import { temporaryStorage } from '@/testing/storage';
import { uploadAs } from '@/testing/upload-route';
import { minimalPdf } from '@/testing/uploads';
import { GET } from './route';

vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);
vi.mock('next-intl/server', async () => (await import('@/testing/request-scope')).nextIntlServer);

const request = { ip: '203.0.113.5', userAgent: 'vitest' };
/** A download from the portal's own page (what a browser says when a member clicks the link there). */
const get = (id: string, query = '', headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }) =>
  GET(new Request(`http://portal.test/api/files/${id}${query}`, { headers }), { params: Promise.resolve({ id }) });
temporaryStorage();

describe('GET /api/files/[id]', () => {
  it('uploads, then serves a sector-only resource to its sector with §4.6 headers, and 404 to others', async () => {
    const gov = await createOrganisation({ sector: 'government' });
    const contributor = await signedIn({ organisationId: gov.id });
    const sameSector = await signedIn({ sector: 'government' });
    const otherSector = await signedIn({ sector: 'private_sector' });
    const pdf = minimalPdf('Sector notes');

    const up = await uploadAs(contributor, pdf, 'Notes «2025».pdf');
    expect(up.status).toBe(201);
    const fileId = up.body.file!.id;
    // Not attached to a resource yet: nobody downloads it.
    expect((await get(fileId)).status).toBe(404);
    const id = await createResource(
      contributor,
      {
        title: 'Sector notes',
        description: '',
        type: 'report',
        topics: [],
        languages: [],
        visibility: 'sectors',
        sectors: ['government'],
        kind: 'file',
        fileId,
      },
      request,
    );

    await actAs(sameSector);
    const res = await get(fileId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.pdf"$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    // A PDF is never shown inline, whatever is asked.
    const inline = await get(fileId, '?inline=1');
    expect(inline.headers.get('content-disposition')).toMatch(/^attachment;/);
    await inline.arrayBuffer();
    expect((await getResource(contributor, id)).downloadCount).toBe(2);

    await actAs(otherSector);
    expect((await get(fileId)).status).toBe(404);
    expect((await get('not-a-uuid')).status).toBe(404);
    await actAs(null);
    expect((await get(fileId)).status).toBe(401);
  });

  it('serves exactly the viewers resourceAccess lets see the resource; 404 to everyone else', async () => {
    const gov = await createOrganisation({ sector: 'government' });
    const people = {
      contributor: await signedIn({ organisationId: gov.id }),
      colleague: await signedIn({ organisationId: gov.id }),
      sameSector: await signedIn({ sector: 'government' }),
      spaceMember: await signedIn({ sector: 'civil_society' }),
      otherSector: await signedIn({ sector: 'private_sector', isFocalPoint: true }),
      moderator: await signedIn({ sector: 'civil_society', role: 'moderator' }),
      admin: await signedIn({ role: 'admin' }),
    };
    const space = await createSpace({ access: 'request', name: 'Route working group' });
    for (const p of [people.contributor, people.spaceMember]) await addMember(space.id, p.id);
    const kinds = {
      all_members: { visibility: 'all_members' as const },
      sectors: { visibility: 'sectors' as const, sectors: ['government' as const] },
      organisation: { visibility: 'organisation' as const },
      space: { visibility: 'space' as const, spaceId: space.id },
    };
    const sees: Record<keyof typeof kinds, (keyof typeof people)[]> = {
      all_members: ['contributor', 'colleague', 'sameSector', 'spaceMember', 'otherSector', 'moderator', 'admin'],
      sectors: ['contributor', 'colleague', 'sameSector', 'admin'],
      organisation: ['contributor', 'colleague', 'admin'],
      space: ['contributor', 'colleague', 'spaceMember', 'moderator', 'admin'],
    };
    for (const [kind, visibility] of Object.entries(kinds) as [keyof typeof kinds, (typeof kinds)[keyof typeof kinds]][]) {
      const up = await uploadAs(people.contributor, minimalPdf(kind), `${kind}.pdf`);
      const fileId = up.body.file!.id;
      await createResource(
        people.contributor,
        { title: kind, description: '', type: 'report', topics: [], languages: [], sectors: [], kind: 'file', fileId, ...visibility },
        request,
      );
      for (const who of Object.keys(people) as (keyof typeof people)[]) {
        await actAs(people[who]);
        const res = await get(fileId);
        expect(res.status, `${who} downloading a '${kind}' resource`).toBe(sees[kind].includes(who) ? 200 : 404);
        await res.arrayBuffer();
      }
    }
  });

  it('download trail same-origin only: another site, a typed address or a silent client is sent to the resource page, nothing recorded', async () => {
    const org = await createOrganisation();
    const contributor = await signedIn({ organisationId: org.id });
    const colleague = await signedIn({ organisationId: org.id });
    const up = await uploadAs(contributor, minimalPdf('Restricted'), 'restricted.pdf');
    const fileId = up.body.file!.id;
    const id = await createResource(
      contributor,
      {
        title: 'Restricted',
        description: '',
        type: 'report',
        topics: [],
        languages: [],
        sectors: [],
        kind: 'file',
        fileId,
        visibility: 'organisation',
      },
      request,
    );
    const trail = async () => ({
      count: (await getResource(contributor, id)).downloadCount,
      trail: await downloadTrailLength(id),
      audited: (await auditRowsOf('resource.downloaded', { targetId: id })).length,
    });

    await actAs(colleague);
    const notFromUs: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'none' },
      { origin: 'https://evil.example' },
      { referer: 'https://evil.example/page' },
      {},
    ];
    for (const headers of notFromUs) {
      const res = await get(fileId, '', headers);
      expect(res.status, JSON.stringify(headers)).toBe(303);
      expect(res.headers.get('location')).toBe(`/resources/${id}`);
      expect(await res.text()).toBe('');
    }
    expect(await trail()).toEqual({ count: 0, trail: 0, audited: 0 });

    // From the portal's page: fetch metadata, or (older browsers) the portal's own Referer.
    const fromUs: Record<string, string>[] = [{ 'sec-fetch-site': 'same-origin' }, { referer: `http://portal.test/resources/${id}` }];
    for (const headers of fromUs) {
      const res = await get(fileId, '', headers);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    expect(await trail()).toEqual({ count: 2, trail: 2, audited: 2 });

    // Someone who may not see the resource learns nothing from the redirect: still a 404.
    await actAs(await signedIn());
    expect((await get(fileId, '', { 'sec-fetch-site': 'cross-site' })).status).toBe(404);
  });
});
