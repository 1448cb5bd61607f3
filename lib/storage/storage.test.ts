import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver';
import { describe, expect, it } from 'vitest';
import { isMissingObject, localStorage, newStorageKey, s3Storage } from './index';

/** Why a read failed decides the answer: a missing object is a 404, unreachable storage a 503. */
describe('isMissingObject', () => {
  it('tells a missing local file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pp-storage-'));
    const error = await localStorage(dir)
      .get(newStorageKey('resource'))
      .catch((e: unknown) => e);
    expect(isMissingObject(error)).toBe(true);
    await rm(dir, { recursive: true, force: true });
  });

  it('tells a missing S3 object from an S3 server that is down', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pp-s3-'));
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'b' }] });
    const { port } = await server.run();
    const s3 = s3Storage({
      bucket: 'b',
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    });
    expect(isMissingObject(await s3.get(newStorageKey('resource')).catch((e: unknown) => e))).toBe(true);
    await server.close();
    expect(isMissingObject(await s3.get(newStorageKey('resource')).catch((e: unknown) => e))).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });
});
