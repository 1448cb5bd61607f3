import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { files } from '@/db/schema';
import { signedIn } from '@/testing/factories';
import { getResource } from '@/lib/dal/resources/resources';
import { discardUnattachedFile } from '@/lib/dal/resources/files';
import { addResourceVersion, createResource } from '@/lib/dal/resources/write';
import { openVisibleFile } from '@/lib/dal/files/files';
import { s3Storage, setStorage, storage } from '@/lib/storage';
import { receiveUpload } from './receive';
import { minimalPdf } from '@/testing/uploads';

/** The S3 backend against a real S3-compatible server (s3rver), path-style, checksums only when required. */
const request = { ip: '203.0.113.2', userAgent: 'vitest' };
let server: { run(): Promise<{ port: number }>; close(): Promise<void> };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pp-s3-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'portal-test' }] });
  const { port } = await server.run();
  setStorage(
    s3Storage({ bucket: 'portal-test', endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }),
  );
});
afterAll(async () => {
  setStorage(undefined);
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}
async function put(viewer: Awaited<ReturnType<typeof signedIn>>, text: string) {
  const bytes = minimalPdf(text);
  const result = await receiveUpload(viewer, { fileName: `${text}.pdf`, body: Readable.from([bytes]), declaredSize: bytes.length }, request);
  if (!result.ok) throw new Error(result.refusal);
  return { id: result.file.id, bytes };
}

describe('resource files on S3', () => {
  it('uploads, downloads, keeps versions and deletes', async () => {
    expect(storage().kind).toBe('s3');
    const viewer = await signedIn();
    const first = await put(viewer, 'first');
    const id = await createResource(
      viewer,
      {
        title: 'On S3',
        description: '',
        type: 'report',
        topics: [],
        languages: [],
        visibility: 'all_members',
        sectors: [],
        kind: 'file',
        fileId: first.id,
      },
      request,
    );
    expect((await read((await openVisibleFile(viewer, first.id)).body)).equals(first.bytes)).toBe(true);

    const second = await put(viewer, 'second');
    await addResourceVersion(viewer, { resourceId: id, fileId: second.id, note: '' }, request);
    expect((await getResource(viewer, id)).versions.map((v) => v.fileId)).toEqual([second.id, first.id]);
    expect((await read((await openVisibleFile(viewer, second.id)).body)).equals(second.bytes)).toBe(true);
    expect((await read((await openVisibleFile(viewer, first.id)).body)).equals(first.bytes)).toBe(true);

    const loose = await put(viewer, 'loose');
    const [row] = await getDb().select().from(files).where(eq(files.id, loose.id));
    expect((await read(await storage().get(row!.storageKey))).equals(loose.bytes)).toBe(true);
    expect(await discardUnattachedFile(loose.id)).toBe(true);
    await expect(storage().get(row!.storageKey)).rejects.toThrow();
    expect(await getDb().select().from(files).where(eq(files.id, loose.id))).toHaveLength(0);
    // Attached files are never discarded.
    expect(await discardUnattachedFile(first.id)).toBe(false);
  });
});
