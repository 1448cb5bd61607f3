import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { files } from '@/db/schema';
import { createOrganisation, signedIn } from '@/testing/factories';
import { resourceInput } from '@/testing/resources';
import { temporaryStorage } from '@/testing/storage';
import { receiveBytes } from '@/testing/stored-uploads';
import { uploadAs } from '@/testing/upload-route';
import { storeUploadedFile } from './files';
import { organisationStorage, StorageQuotaExceeded } from './quota';
import { createResource, deleteResource } from './write';

vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);
vi.mock('next-intl/server', async () => (await import('@/testing/request-scope')).nextIntlServer);
// A quota of 1 MB: three 400 KB files do not fit.
vi.mock('@/lib/config', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/config')>();
  return { ...real, config: () => ({ ...real.config(), ORG_STORAGE_QUOTA_MB: 1 }) };
});

const request = { ip: '203.0.113.42', userAgent: 'vitest' };
const root = temporaryStorage();
const KB400 = Buffer.from('a'.repeat(400 * 1024));

async function storedObjects(): Promise<number> {
  return (await readdir(root(), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
}
const fileRows = async () => (await getDb().select({ id: files.id }).from(files)).length;

describe('per-organisation storage quota', () => {
  it('storage quota enforcement: an upload past the organisation’s room is refused with a translated sentence, nothing stored', async () => {
    const org = await createOrganisation();
    const member = await signedIn({ organisationId: org.id });
    const colleague = await signedIn({ organisationId: org.id });
    const first = await receiveBytes(member, KB400, 'one.txt');
    if (!first.ok) throw new Error(first.refusal);
    expect((await receiveBytes(colleague, KB400, 'two.txt')).ok).toBe(true);
    const [rows, objects] = [await fileRows(), await storedObjects()];

    // The third does not fit, whoever in the organisation sends it; the answer says why.
    expect(await receiveBytes(member, KB400, 'three.txt')).toEqual({ ok: false, refusal: 'quotaExceeded' });
    const refused = await uploadAs(colleague, KB400, 'three.txt');
    expect(refused.status).toBe(413);
    expect(refused.body).toEqual({
      error: 'quotaExceeded',
      message: expect.stringMatching(/^This file would take your organisation past its storage allowance of 1 MB\./),
    });
    expect([await fileRows(), await storedObjects()]).toEqual([rows, objects]);
    // Another organisation has its own room.
    expect((await receiveBytes(await signedIn(), KB400, 'elsewhere.txt')).ok).toBe(true);

    // Decided again under the organisation's lock when the row is written (two uploads at once): the
    // bytes already put in storage are removed again.
    const big = path.join(await mkdtemp(path.join(tmpdir(), 'pp-quota-')), 'race.txt');
    await writeFile(big, KB400);
    await expect(
      storeUploadedFile(
        member,
        {
          path: big,
          contentType: 'text/plain',
          size: KB400.length,
          sha256: 'a'.repeat(64),
          md5: 'b'.repeat(32),
          originalName: 'race.txt',
          original: { sha256: 'a'.repeat(64), md5: 'b'.repeat(32) },
        },
        request,
      ),
    ).rejects.toBeInstanceOf(StorageQuotaExceeded);
    expect([await fileRows(), await storedObjects()]).toEqual([rows + 1, objects + 1]); // + elsewhere.txt only

    // Files of a deleted resource no longer count.
    const focal = await signedIn({ organisationId: org.id, isFocalPoint: true });
    const id = await createResource(member, resourceInput({ kind: 'file', url: undefined, fileId: first.file.id }), request);
    expect((await organisationStorage(focal, org.id))!.used).toBe(2 * KB400.length);
    await deleteResource(member, id, request);
    expect((await organisationStorage(focal, org.id))!.used).toBe(KB400.length);
    expect((await receiveBytes(member, KB400, 'three.txt')).ok).toBe(true);
  });

  it('storage shown only to the organisation’s focal points and admins', async () => {
    const org = await createOrganisation();
    const member = await signedIn({ organisationId: org.id });
    expect((await receiveBytes(member, KB400, 'mine.txt')).ok).toBe(true);
    const quota = 1024 * 1024;
    expect(await organisationStorage(await signedIn({ organisationId: org.id, isFocalPoint: true }), org.id)).toEqual({ used: KB400.length, quota });
    expect(await organisationStorage(await signedIn({ role: 'admin' }), org.id)).toEqual({ used: KB400.length, quota });
    for (const viewer of [member, await signedIn({ isFocalPoint: true }), await signedIn({ role: 'moderator' })]) {
      expect(await organisationStorage(viewer, org.id)).toBeNull();
    }
    expect(await organisationStorage(await signedIn({ role: 'admin' }), 'not-a-uuid')).toBeNull();
  });
});
