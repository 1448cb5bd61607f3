import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fileTypeFromFile } from 'file-type';
import sharp from 'sharp';
import type { Viewer } from '@/lib/auth/sessions';
import { config } from '@/lib/config';
import { blockedBy } from '@/lib/dal/console/blocklist';
import { quarantineUpload } from '@/lib/dal/files/quarantine';
import { storeUploadedFile, type StoredFile, type UploadPurpose } from '@/lib/dal/resources/files';
import { StorageQuotaExceeded, storageRoomFor } from '@/lib/dal/resources/quota';
import type { RequestInfo } from '@/lib/request';
import { ALLOWED_TYPES, IMAGE_TYPES, TEXT_EXTENSIONS, allowedExtension, fileNameProblem, type AllowedExtension } from './types';

/**
 * Receives one streamed upload for the resource library: written to a private temporary file while it
 * is hashed (SHA-256 and MD5) and measured, then checked — name, size, block list, real type from the
 * content, text validity — images re-encoded without metadata, the organisation's storage quota — and
 * only then put in storage with its `files` row (lib/dal/resources/files). A refused or failed upload
 * leaves nothing behind.
 */
export const REFUSALS = [
  'nameInvalid',
  'typeNotAllowed',
  'typeMismatch',
  'notText',
  'tooLarge',
  'empty',
  'refused',
  'imageUnreadable',
  'quotaExceeded',
] as const;
export type UploadRefusal = (typeof REFUSALS)[number];

export type UploadResult = { ok: true; file: StoredFile } | { ok: false; refusal: UploadRefusal };

/** The HTTP status of each refusal (the upload routes answer it with a sentence). */
export const REFUSAL_STATUS: Record<UploadRefusal, number> = {
  nameInvalid: 400,
  typeNotAllowed: 415,
  typeMismatch: 415,
  notText: 415,
  imageUnreadable: 415,
  tooLarge: 413,
  empty: 400,
  refused: 422,
  quotaExceeded: 413,
};

/** Thrown inside `receiveChecked`'s callback to refuse the upload (nothing is kept). */
export class Refused extends Error {
  constructor(readonly refusal: UploadRefusal) {
    super(refusal);
  }
}

export interface Digest {
  sha256: string;
  md5: string;
  size: number;
}

export function maxUploadBytes(): number {
  return config().MAX_UPLOAD_MB * 1024 * 1024;
}

/** Copies a stream to a file, hashing and counting as it goes; refuses past `limit` bytes without reading the rest. */
async function writeHashed(source: Readable, file: string, limit: number): Promise<Digest> {
  const sha = createHash('sha256');
  const md5 = createHash('md5');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) return done(new Refused('tooLarge'));
      sha.update(chunk);
      md5.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(source, meter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  return { sha256: sha.digest('hex'), md5: md5.digest('hex'), size };
}

/** The hashes and size of bytes in memory (a re-encoded logo). */
export function digestOfBuffer(bytes: Buffer): Digest {
  return { sha256: createHash('sha256').update(bytes).digest('hex'), md5: createHash('md5').update(bytes).digest('hex'), size: bytes.length };
}

async function digestOf(file: string): Promise<Digest> {
  const sha = createHash('sha256');
  const md5 = createHash('md5');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    size += (chunk as Buffer).length;
    sha.update(chunk as Buffer);
    md5.update(chunk as Buffer);
  }
  return { sha256: sha.digest('hex'), md5: md5.digest('hex'), size };
}

/** Valid UTF-8 all through, with no NUL byte (what we accept as .txt/.csv, which have no magic number). */
async function isUtf8Text(file: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(file)) {
      if ((chunk as Buffer).includes(0)) return false;
      decoder.decode(chunk as Buffer, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** The content type the file really is, or a refusal. */
async function checkType(file: string, ext: AllowedExtension): Promise<string> {
  const detected = await fileTypeFromFile(file);
  if (TEXT_EXTENSIONS.has(ext)) {
    if (detected) throw new Refused('typeMismatch');
    if (!(await isUtf8Text(file))) throw new Refused('notText');
    return ALLOWED_TYPES[ext];
  }
  // OOXML and OpenDocument files are zip containers: file-type tells them apart by their
  // [Content_Types].xml / mimetype entries, so a plain zip (or a .docx that is really a spreadsheet) fails here.
  if (!detected || detected.mime !== ALLOWED_TYPES[ext]) throw new Refused('typeMismatch');
  return detected.mime;
}

/** Re-encodes an image in its own format, dropping metadata (EXIF location, camera, comments). */
async function reencodeImage(input: string, output: string, mime: string): Promise<void> {
  try {
    const image = sharp(input, { failOn: 'error', limitInputPixels: 100_000_000 }).rotate();
    const encoded =
      mime === 'image/png' ? image.png() : mime === 'image/webp' ? image.webp({ quality: 90 }) : image.jpeg({ quality: 90, mozjpeg: true });
    await encoded.toFile(output);
  } catch {
    throw new Refused('imageUnreadable');
  }
}

/**
 * Refuses a file whose hashes (`digest`: as sent, or as it would be stored) are on the block list: the
 * bytes as sent (`received`) are quarantined or discarded per the portal's setting, the account flagged,
 * admins told, audited (lib/dal/files/quarantine.ts).
 */
export async function refuseIfBlocked(viewer: Viewer, digest: Digest, received: Received, fileName: string, request: RequestInfo): Promise<void> {
  const matched = await blockedBy(digest);
  if (matched) {
    await quarantineUpload(viewer, { ...received.digest, path: received.path, fileName, matched }, request);
    throw new Refused('refused');
  }
}

export interface Received {
  /** A private temporary directory for derived files; removed with the received file afterwards. */
  dir: string;
  path: string;
  digest: Digest;
}

interface Upload {
  fileName: string;
  body: ReadableStream<Uint8Array> | Readable | null;
  declaredSize?: number | null;
}

/**
 * The one streaming receiver: refuses a body that says it is over `limit` unread, streams the rest to a
 * private temporary file while hashing and counting (refused past `limit` without reading further),
 * refuses it empty or on the block list, then hands it to `check` (which may throw `Refused`). Whatever
 * happens, the temporary files are removed. The caller checks permission before calling.
 */
export async function receiveChecked<T>(
  viewer: Viewer,
  upload: Upload,
  limit: number,
  request: RequestInfo,
  check: (received: Received) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; refusal: UploadRefusal }> {
  if (upload.declaredSize != null && upload.declaredSize > limit) return { ok: false, refusal: 'tooLarge' };
  if (!upload.body || upload.declaredSize === 0) return { ok: false, refusal: 'empty' };
  const dir = await mkdtemp(path.join(tmpdir(), 'pp-upload-'));
  try {
    const received = path.join(dir, randomUUID());
    const source = upload.body instanceof Readable ? upload.body : Readable.fromWeb(upload.body as WebReadableStream<Uint8Array>);
    const digest = await writeHashed(source, received, limit);
    if (digest.size === 0) throw new Refused('empty');
    // The block list is checked before anything else looks at the content.
    const receivedFile = { dir, path: received, digest };
    await refuseIfBlocked(viewer, digest, receivedFile, upload.fileName, request);
    return { ok: true, value: await check(receivedFile) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: error.refusal };
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A file for the resource library or a direct message (POST /api/uploads), stored unattached until a
 * resource or a message uses it (discarded after a day otherwise).
 */
export async function receiveUpload(
  viewer: Viewer,
  upload: Upload,
  request: RequestInfo,
  purpose: UploadPurpose = 'resource',
): Promise<UploadResult> {
  const limit = maxUploadBytes();
  const fileName = upload.fileName.normalize('NFC');
  if (fileNameProblem(fileName)) return { ok: false, refusal: 'nameInvalid' };
  const ext = allowedExtension(fileName);
  if (!ext) return { ok: false, refusal: 'typeNotAllowed' };
  // Over the organisation's storage quota already by what the body says it holds: refused unread.
  if (upload.declaredSize && !(await storageRoomFor(viewer.organisationId, upload.declaredSize))) return { ok: false, refusal: 'quotaExceeded' };

  const result = await receiveChecked(viewer, { ...upload, fileName }, limit, request, async (receivedFile) => {
    const { dir, path: received, digest: original } = receivedFile;
    const contentType = await checkType(received, ext);
    let stored = received;
    let digest = original;
    if (IMAGE_TYPES.has(contentType)) {
      // Checked again on what we would store.
      stored = path.join(dir, randomUUID());
      await reencodeImage(received, stored, contentType);
      digest = await digestOf(stored);
      if (digest.size > limit) throw new Refused('tooLarge');
      await refuseIfBlocked(viewer, digest, receivedFile, fileName, request);
    }
    const { size } = await stat(stored);
    if (!(await storageRoomFor(viewer.organisationId, size))) throw new Refused('quotaExceeded');
    return storeUploadedFile(
      viewer,
      { path: stored, contentType, size, sha256: digest.sha256, md5: digest.md5, originalName: fileName, original },
      request,
      purpose,
    ).catch((error: unknown) => {
      // Another upload took the room meanwhile (decided under the organisation's lock): the bytes are gone again.
      throw error instanceof StorageQuotaExceeded ? new Refused('quotaExceeded') : error;
    });
  });
  return result.ok ? { ok: true, file: result.value } : result;
}
