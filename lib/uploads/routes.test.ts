import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { spaceMembers, spaces } from '@/db/schema';
import { createOrganisation, signedIn } from '@/db/testing/factories';
import type { Viewer } from '@/lib/auth/sessions';
import { getResource } from '@/lib/dal/resources';
import { createResource } from '@/lib/dal/resources-write';
import { localStorage, setStorage } from '@/lib/storage';
import { minimalPdf } from '@/lib/uploads/testing';
import { POST as upload } from '@/app/api/uploads/route';
import { GET } from '@/app/api/files/[id]/route';

const current = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock('@/lib/auth/viewer', () => ({ getViewer: async () => current.viewer }));
vi.mock('@/lib/request', () => ({ requestInfo: async () => ({ ip: '203.0.113.5', userAgent: 'vitest' }) }));

const request = { ip: '203.0.113.5', userAgent: 'vitest' };
let root: string;
const get = (id: string, query = '') => GET(new Request(`http://portal.test/api/files/${id}${query}`), { params: Promise.resolve({ id }) });

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'pp-route-'));
  setStorage(localStorage(root));
});
afterAll(async () => {
  setStorage(undefined);
  await rm(root, { recursive: true, force: true });
});

async function uploadAs(viewer: Viewer, bytes: Buffer, name: string) {
  current.viewer = viewer;
  const res = await upload(new Request(`http://portal.test/api/uploads?name=${encodeURIComponent(name)}`, { method: 'POST', body: new Uint8Array(bytes), headers: { 'content-length': String(bytes.length) } }));
  return { status: res.status, body: (await res.json()) as { file?: { id: string }; error?: string; message?: string } };
}

describe('POST /api/uploads and GET /api/files/[id]', () => {
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
      { title: 'Sector notes', description: '', type: 'report', topics: [], languages: [], visibility: 'sectors', sectors: ['government'], kind: 'file', fileId },
      request,
    );

    current.viewer = sameSector;
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

    current.viewer = otherSector;
    expect((await get(fileId)).status).toBe(404);
    expect((await get('not-a-uuid')).status).toBe(404);
    current.viewer = null;
    expect((await get(fileId)).status).toBe(401);
  });

  it('answers refusals with a status and a sentence', async () => {
    const viewer = await signedIn();
    const spoofed = await uploadAs(viewer, Buffer.from('<html><script>alert(1)</script></html>'), 'report.pdf');
    expect(spoofed.status).toBe(415);
    expect(spoofed.body.error).toBe('typeMismatch');
    expect(spoofed.body.message).toMatch(/does not match/);
    const empty = await uploadAs(viewer, Buffer.alloc(0), 'empty.pdf');
    expect(empty).toMatchObject({ status: 400, body: { error: 'empty' } });
    const pathy = await uploadAs(viewer, minimalPdf('x'), '../secret.pdf');
    expect(pathy).toMatchObject({ status: 400, body: { error: 'nameInvalid' } });
    current.viewer = viewer;
    const big = await upload(new Request('http://portal.test/api/uploads?name=big.pdf', { method: 'POST', body: 'x', headers: { 'content-length': String(60 * 1024 * 1024) } }));
    expect(big.status).toBe(413);
  });
});

describe('GET /api/files/[id] for each visibility and role', () => {
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
    const [space] = await getDb().insert(spaces).values({ slug: 'route-wg', name: 'Route working group', access: 'request' }).returning();
    await getDb()
      .insert(spaceMembers)
      .values([people.contributor, people.spaceMember].map((p) => ({ spaceId: space!.id, userId: p.id })));
    const kinds = {
      all_members: { visibility: 'all_members' as const },
      sectors: { visibility: 'sectors' as const, sectors: ['government' as const] },
      organisation: { visibility: 'organisation' as const },
      space: { visibility: 'space' as const, spaceId: space!.id },
    };
    const sees: Record<keyof typeof kinds, (keyof typeof people)[]> = {
      all_members: ['contributor', 'colleague', 'sameSector', 'spaceMember', 'otherSector', 'moderator', 'admin'],
      sectors: ['contributor', 'colleague', 'sameSector', 'moderator', 'admin'],
      organisation: ['contributor', 'colleague', 'moderator', 'admin'],
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
        current.viewer = people[who];
        const res = await get(fileId);
        expect(res.status, `${who} downloading a '${kind}' resource`).toBe(sees[kind].includes(who) ? 200 : 404);
        await res.arrayBuffer();
      }
    }
  });
});
