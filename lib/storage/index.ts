import 'server-only';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { config } from '@/lib/config';

/**
 * Where file bytes live: a local directory by default (.data/uploads), an S3-compatible bucket when
 * S3_BUCKET is set. Keys are always made by the server (never from a user's file name).
 */
export interface Storage {
  kind: 'local' | 's3';
  put(key: string, body: Buffer | Readable, contentType: string, size?: number): Promise<void>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
}

/** A fresh server-made key: `<purpose>/<yyyy>/<mm>/<uuid>`. */
export function newStorageKey(purpose: string): string {
  const now = new Date();
  return `${purpose}/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
}

function safeLocalPath(root: string, key: string): string {
  if (!/^[a-z]+\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error('invalid storage key');
  return path.join(root, key);
}

export function localStorage(root: string): Storage {
  return {
    kind: 'local',
    async put(key, body) {
      const file = safeLocalPath(root, key);
      await mkdir(path.dirname(file), { recursive: true });
      const partial = `${file}.${randomUUID()}.part`;
      try {
        await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(partial, { flags: 'wx' }));
        await rename(partial, file); // appears whole or not at all
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
    async get(key) {
      const file = safeLocalPath(root, key);
      await stat(file);
      return createReadStream(file);
    },
    async delete(key) {
      await rm(safeLocalPath(root, key), { force: true });
    },
  };
}

export function s3Storage(options: { bucket: string; endpoint?: string; region: string; accessKeyId?: string; secretAccessKey?: string }): Storage {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: Boolean(options.endpoint),
    credentials:
      options.accessKeyId && options.secretAccessKey ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } : undefined,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    kind: 's3',
    async put(key, body, contentType, size) {
      await client.send(new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: body, ContentType: contentType, ContentLength: size }));
    },
    async get(key) {
      const res = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: key }));
      if (!res.Body) throw new Error('empty object');
      return res.Body as Readable;
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: key }));
    },
  };
}

/** Whether a `get` failed because the object does not exist (rather than because storage is unreachable). */
export function isMissingObject(error: unknown): boolean {
  const e = error as { code?: unknown; name?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  return e?.code === 'ENOENT' || e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

const KEY = Symbol.for('protectors-portal.storage');

/** The configured storage, made once per process. */
export function storage(): Storage {
  const g = globalThis as typeof globalThis & { [KEY]?: Storage };
  if (!g[KEY]) {
    const c = config();
    g[KEY] = c.S3_BUCKET
      ? s3Storage({
          bucket: c.S3_BUCKET,
          endpoint: c.S3_ENDPOINT,
          region: c.S3_REGION,
          accessKeyId: c.S3_ACCESS_KEY_ID,
          secretAccessKey: c.S3_SECRET_ACCESS_KEY,
        })
      : localStorage(c.uploadsDir);
  }
  return g[KEY];
}

/** Tests install their own storage. */
export function setStorage(s: Storage | undefined): void {
  (globalThis as typeof globalThis & { [KEY]?: Storage })[KEY] = s;
}
