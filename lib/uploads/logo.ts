import 'server-only';
import type { Readable } from 'node:stream';
import { fileTypeFromFile } from 'file-type';
import sharp from 'sharp';
import type { Viewer } from '@/lib/auth/sessions';
import { logoTarget, storeOrganisationLogo } from '@/lib/dal/files/files';
import type { RequestInfo } from '@/lib/request';
import { LOGO_MAX_BYTES, LOGO_TYPES } from '@/lib/validation/profile';
import { digestOfBuffer, receiveChecked, Refused, refuseIfBlocked, type UploadRefusal } from './receive';
import { fileNameProblem } from './types';

const LOGO_MAX_SIDE = 512;

export type LogoResult = { ok: true; fileId: string } | { ok: false; refusal: UploadRefusal };

/**
 * Replaces an organisation's logo from a streamed upload (POST /api/files?purpose=logo), through the same
 * receiver as resource files (./receive.ts). In order: whether the viewer may change the logo (its
 * focal points and admins; NotFoundError otherwise) BEFORE any byte is read; the body capped at 2 MB
 * while it streams; the block list on what was sent; PNG, JPEG or WebP by content (never by name);
 * re-encoded to WebP of at most 512 px by sharp (EXIF, XMP and ICC metadata dropped); the block list
 * again on what would be stored; then stored and audited (lib/dal/files). A refusal stores nothing.
 */
export async function receiveLogo(
  viewer: Viewer,
  unsafeOrganisationId: string,
  upload: { fileName?: string; body: ReadableStream<Uint8Array> | Readable | null; declaredSize?: number | null },
  request: RequestInfo,
): Promise<LogoResult> {
  const organisation = await logoTarget(viewer, unsafeOrganisationId);
  const named = upload.fileName?.normalize('NFC');
  const fileName = named && !fileNameProblem(named) ? named : 'logo';

  const result = await receiveChecked(viewer, { ...upload, fileName }, LOGO_MAX_BYTES, request, async (received) => {
    const detected = await fileTypeFromFile(received.path);
    if (!detected || !(LOGO_TYPES as readonly string[]).includes(detected.mime)) throw new Refused('typeMismatch');
    let encoded: Buffer;
    try {
      encoded = await sharp(received.path, { limitInputPixels: 40_000_000, animated: false })
        .rotate() // apply the EXIF orientation before the metadata goes
        .resize(LOGO_MAX_SIDE, LOGO_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 85 })
        .toBuffer();
    } catch {
      throw new Refused('imageUnreadable');
    }
    const digest = digestOfBuffer(encoded);
    await refuseIfBlocked(viewer, digest, received, fileName, request);
    return storeOrganisationLogo(
      viewer,
      organisation,
      { bytes: encoded, sha256: digest.sha256, md5: digest.md5, name: fileName, from: detected.mime, original: received.digest },
      request,
    );
  });
  return result.ok ? { ok: true, fileId: result.value.fileId } : result;
}
