import 'server-only';
import type { Readable } from 'node:stream';
import { UserError } from '@/lib/errors';
import { watermarkPdf, type WatermarkStamp } from './watermark';

/** The largest PDF watermarked in memory (the upload limit is lower; this guards the process). */
const MAX_BYTES = 200 * 1024 * 1024;

/**
 * Reads a stored PDF and returns it watermarked. A file that cannot be watermarked (damaged, encrypted)
 * is refused with a message, never sent without its watermark.
 */
export async function watermarkDownload(body: Readable, stamp: WatermarkStamp): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.byteLength;
    if (size > MAX_BYTES) throw new UserError('resources.errors.watermarkFailed');
    chunks.push(buffer);
  }
  try {
    return await watermarkPdf(Buffer.concat(chunks), stamp);
  } catch {
    throw new UserError('resources.errors.watermarkFailed');
  }
}
