import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, files, resourceDownloads, resources } from '@/db/schema';
import { createOrganisation } from '@/testing/factories';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError, UserError } from '@/lib/errors';
import { runDueJobs } from '@/lib/jobs';
import { localStorage, setStorage } from '@/lib/storage';
import { receiveUpload } from '@/lib/uploads/receive';
import '@/lib/dal/resources/jobs';
import { minimalPdf } from '@/testing/uploads';
import { resourceInput, resourcePeople, type ResourcePeople } from '@/testing/resources';
import { countResources, getResource, listResources } from './resources';
import { resourceFileAccess } from './access';
import { listDownloadTrail, recordResourceDownload } from './downloads';
import { encodeCursor } from '@/lib/dal/pagination';
import { addResourceVersion, createResource, deleteResource, updateResource } from './write';

const request = { ip: '203.0.113.9', userAgent: 'vitest' };
let root: string;

async function upload(viewer: Viewer, text: string, name = 'file.pdf'): Promise<string> {
  const bytes = minimalPdf(text);
  const result = await receiveUpload(viewer, { fileName: name, body: Readable.from([bytes]), declaredSize: bytes.length }, request);
  if (!result.ok) throw new Error(result.refusal);
  return result.file.id;
}

const base = resourceInput;

let people: ResourcePeople;
let ids: { all: string; sector: string; own: string };
let fileIds: { all: string; sector: string; own: string };

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'pp-res-'));
  setStorage(localStorage(root));
  people = await resourcePeople();
  const c = people.contributor;
  fileIds = { all: await upload(c, 'alpha'), sector: await upload(c, 'beta'), own: await upload(c, 'gamma') };
  ids = {
    all: await createResource(c, base({ title: 'Zanzibar everyone', kind: 'file', fileId: fileIds.all, url: undefined }), request),
    sector: await createResource(
      c,
      base({ title: 'Zanzibar governments', kind: 'file', fileId: fileIds.sector, url: undefined, visibility: 'sectors', sectors: ['government'] }),
      request,
    ),
    own: await createResource(
      c,
      base({ title: 'Zanzibar internal', kind: 'file', fileId: fileIds.own, url: undefined, visibility: 'organisation' }),
      request,
    ),
  };
});
afterAll(async () => {
  setStorage(undefined);
  await rm(root, { recursive: true, force: true });
});

type Who = keyof typeof people;
const SEES: Record<Who, ('all' | 'sector' | 'own')[]> = {
  contributor: ['all', 'sector', 'own'],
  colleague: ['all', 'sector', 'own'],
  focalPoint: ['all', 'sector', 'own'],
  sameSector: ['all', 'sector'],
  otherSector: ['all'],
  // Decision 022: a moderator (civil society) sees what any civil-society member sees, nothing more.
  moderator: ['all'],
  admin: ['all', 'sector', 'own'],
};
const KINDS = ['all', 'sector', 'own'] as const;

describe('resourceAccess, for each visibility and role', () => {
  it.each(Object.keys(SEES) as Who[])('%s: lists, search, counts, page and file access agree', async (who) => {
    const viewer = people[who];
    const expected = SEES[who].map((k) => ids[k]).sort();
    const listed = (await listResources(viewer, {})).items.map((r) => r.id).filter((id) => Object.values(ids).includes(id));
    expect(listed.sort()).toEqual(expected);
    const searched = (await listResources(viewer, { q: 'zanzibar' })).items.map((r) => r.id);
    expect(searched.sort()).toEqual(expected);
    expect(await countResources(viewer, { q: 'zanzibar' })).toEqual({ count: expected.length, capped: false });
    for (const kind of KINDS) {
      const visible = SEES[who].includes(kind);
      if (visible) expect((await getResource(viewer, ids[kind])).id).toBe(ids[kind]);
      else await expect(getResource(viewer, ids[kind])).rejects.toThrow(NotFoundError);
      const [file] = await getDb()
        .select({ id: files.id })
        .from(files)
        .where(and(eq(files.id, fileIds[kind]), resourceFileAccess(viewer)));
      expect(Boolean(file)).toBe(visible);
      if (!visible) await expect(recordResourceDownload(viewer, fileIds[kind], { inline: false, request })).rejects.toThrow(NotFoundError);
    }
  });

  it('filters by sector, organisation, type, language and year, within what the viewer sees', async () => {
    const viewer = people.otherSector;
    expect((await listResources(viewer, { sector: 'government', q: 'zanzibar' })).items.map((r) => r.id)).toEqual([ids.all]);
    expect((await listResources(people.admin, { type: 'report', language: 'en', q: 'zanzibar' })).items).toHaveLength(3);
    expect((await listResources(people.admin, { year: 1999, q: 'zanzibar' })).items).toHaveLength(0);
  });

  it('an unattached upload is not downloadable, even by its uploader', async () => {
    const fileId = await upload(people.contributor, 'loose');
    const [row] = await getDb()
      .select({ id: files.id })
      .from(files)
      .where(and(eq(files.id, fileId), resourceFileAccess(people.contributor)));
    expect(row).toBeUndefined();
  });
});

describe('changes', () => {
  it('only the contributor, their organisation’s focal points and admins may edit', async () => {
    const input = {
      resourceId: ids.all,
      title: 'Zanzibar everyone, revised',
      description: 'Now with **notes**.',
      type: 'report' as const,
      topics: [],
      languages: ['en' as const],
      visibility: 'all_members' as const,
      sectors: [],
    };
    for (const who of ['colleague', 'sameSector', 'otherSector', 'moderator'] as Who[]) {
      await expect(updateResource(people[who], { ...input, url: undefined }, request)).rejects.toThrow(NotFoundError);
    }
    for (const who of ['contributor', 'focalPoint', 'admin'] as Who[]) {
      await updateResource(people[who], { ...input, title: `Zanzibar everyone (${who})` }, request);
      expect((await getResource(people[who], ids.all)).title).toBe(`Zanzibar everyone (${who})`);
    }
    const page = await getResource(people.admin, ids.all);
    expect(page.descriptionHtml).toContain('<strong>notes</strong>');
    expect(page.canEdit).toBe(true);
    expect((await getResource(people.colleague, ids.all)).canEdit).toBe(false);
    const audits = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'resource.updated'), eq(auditLog.targetId, ids.all)));
    expect(audits).toHaveLength(3);
  });

  it('refuses unknown topics and another member’s upload', async () => {
    await expect(createResource(people.colleague, base({ topics: ['no-such-topic'] }), request)).rejects.toThrow(UserError);
    const someoneElses = await upload(people.contributor, 'mine');
    await expect(createResource(people.colleague, base({ kind: 'file', fileId: someoneElses, url: undefined }), request)).rejects.toThrow(UserError);
  });

  it('members contribute for their own organisation; admins for any', async () => {
    const other = await createOrganisation({ sector: 'intergovernmental', country: null });
    const mine = await createResource(people.colleague, base({ organisationId: other.id }), request);
    expect((await getResource(people.colleague, mine)).organisationId).toBe(people.colleague.organisationId);
    const onBehalf = await createResource(people.admin, base({ organisationId: other.id }), request);
    expect((await getResource(people.admin, onBehalf)).organisationId).toBe(other.id);
  });

  it('new versions keep earlier ones downloadable; only editors add them', async () => {
    const v2 = await upload(people.focalPoint, 'second version');
    await expect(
      addResourceVersion(people.colleague, { resourceId: ids.own, fileId: await upload(people.colleague, 'x'), note: '' }, request),
    ).rejects.toThrow(NotFoundError);
    expect(await addResourceVersion(people.focalPoint, { resourceId: ids.own, fileId: v2, note: 'Updated figures' }, request)).toBe(2);
    const page = await getResource(people.colleague, ids.own);
    expect(page.versions.map((v) => [v.number, v.fileId, v.note])).toEqual([
      [2, v2, 'Updated figures'],
      [1, fileIds.own, ''],
    ]);
    expect(page.currentFileId).toBe(v2);
    await recordResourceDownload(people.colleague, fileIds.own, { inline: false, request });
    await recordResourceDownload(people.colleague, v2, { inline: false, request });
    await expect(recordResourceDownload(people.otherSector, v2, { inline: false, request })).rejects.toThrow(NotFoundError);
  });

  it('soft delete hides the resource and its files from everyone', async () => {
    const fileId = await upload(people.contributor, 'to delete');
    const id = await createResource(people.contributor, base({ title: 'Short-lived', kind: 'file', fileId, url: undefined }), request);
    await expect(deleteResource(people.otherSector, id, request)).rejects.toThrow(NotFoundError);
    await deleteResource(people.contributor, id, request);
    for (const who of Object.keys(people) as Who[]) {
      await expect(getResource(people[who], id)).rejects.toThrow(NotFoundError);
      await expect(recordResourceDownload(people[who], fileId, { inline: false, request })).rejects.toThrow(NotFoundError);
    }
    const [row] = await getDb().select().from(resources).where(eq(resources.id, id));
    expect(row!.deletedBy).toBe(people.contributor.id);
  });
});

describe('downloads', () => {
  it('are counted; restricted ones go to the trail that focal points and admins read', async () => {
    const before = (await getResource(people.admin, ids.sector)).downloadCount;
    await recordResourceDownload(people.sameSector, fileIds.sector, { inline: false, request });
    await recordResourceDownload(people.sameSector, fileIds.sector, { inline: true, request });
    await recordResourceDownload(people.otherSector, fileIds.all, { inline: false, request });
    expect((await getResource(people.admin, ids.sector)).downloadCount).toBe(before + 1);

    const trail = await listDownloadTrail(people.focalPoint, ids.sector);
    expect(trail.items.map((r) => r.userId)).toEqual([people.sameSector.id, people.sameSector.id]);
    expect((await listDownloadTrail(people.admin, ids.sector)).items).toHaveLength(2);
    for (const who of ['contributor', 'colleague', 'sameSector', 'moderator'] as Who[]) {
      await expect(listDownloadTrail(people[who], ids.sector)).rejects.toThrow(NotFoundError);
    }
    expect(await getDb().select().from(resourceDownloads).where(eq(resourceDownloads.resourceId, ids.all))).toHaveLength(0);
    expect((await getResource(people.focalPoint, ids.sector)).canSeeTrail).toBe(true);
    expect((await getResource(people.sameSector, ids.sector)).canSeeTrail).toBe(false);
    // A made-up cursor whose time is not a time starts from the first page (it never reaches Postgres).
    const forged = encodeCursor('after', ['not a time', 1]);
    expect((await listDownloadTrail(people.admin, ids.sector, forged)).items).toHaveLength(2);
  });

  it('most downloaded first, with keyset pages', async () => {
    const page = await listResources(people.admin, { sort: 'downloads', q: 'zanzibar' }, 2);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.downloadCount).toBeGreaterThanOrEqual(page.items[1]!.downloadCount);
    const next = await listResources(people.admin, { sort: 'downloads', q: 'zanzibar', cursor: page.next! }, 2);
    expect(next.items).toHaveLength(1);
    expect(new Set([...page.items, ...next.items].map((r) => r.id)).size).toBe(3);
  });
});

describe('PDF text', () => {
  it('is extracted by a background job and found by search, with a snippet', async () => {
    const fileId = await upload(people.contributor, 'Observations on quokkaflux grooming patterns');
    const id = await createResource(
      people.contributor,
      base({ title: 'Untitled notes', kind: 'file', fileId, url: undefined, visibility: 'sectors', sectors: ['government'] }),
      request,
    );
    expect((await listResources(people.sameSector, { q: 'quokkaflux' })).items).toHaveLength(0);
    await runDueJobs();
    const found = await listResources(people.sameSector, { q: 'quokkaflux' });
    expect(found.items.map((r) => r.id)).toEqual([id]);
    expect(found.items[0]!.snippet).toContain('<mark>quokkaflux</mark>');
    expect((await listResources(people.otherSector, { q: 'quokkaflux' })).items).toHaveLength(0);
    expect(await countResources(people.otherSector, { q: 'quokkaflux' })).toEqual({ count: 0, capped: false });
  });

  it('is escaped before the matches are marked (lib/html.ts, one way for every search)', async () => {
    await createResource(people.contributor, base({ title: 'Escaping', description: 'Notes on `<b onclick="x">` & the wombatquill' }), request);
    const [item] = (await listResources(people.contributor, { q: 'wombatquill' })).items;
    expect(item!.snippet).toContain('&lt;b onclick=&quot;x&quot;&gt; &amp; the <mark>wombatquill</mark>');
    expect(item!.snippet).not.toContain('<b');
  });
});
