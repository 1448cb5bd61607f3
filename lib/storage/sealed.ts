import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { config } from '@/lib/config';

/**
 * Bytes kept at rest encrypted (the quarantine, decision 024): AES-256-GCM with a fresh 96-bit IV per
 * object, the key derived with HKDF-SHA-256 from ENCRYPTION_KEY or, when unset, AUTH_SECRET (as the
 * outbox's sealed bodies are, decision 017, under their own label). The stored form is
 * `PPQ1` ‖ IV ‖ ciphertext ‖ tag, streamed: GCM's ciphertext is as long as the clear bytes, so the size is
 * known before the first byte (S3 wants it) and nothing is held in memory.
 */
const MAGIC = Buffer.from('PPQ1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SealedFileError extends Error {}

function key(): Buffer {
  const c = config();
  return Buffer.from(hkdfSync('sha256', c.ENCRYPTION_KEY ?? c.authSecret, 'protectors-portal', 'quarantine-v1', 32));
}

/** The size of the sealed form of `size` clear bytes. */
export const sealedSize = (size: number) => MAGIC.length + IV_BYTES + size + TAG_BYTES;

/** Seals a stream of clear bytes. */
export function sealStream(source: AsyncIterable<Buffer | Uint8Array>): Readable {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  async function* sealed() {
    yield Buffer.concat([MAGIC, iv]);
    for await (const chunk of source) {
      const out = cipher.update(chunk);
      if (out.length) yield out;
    }
    const last = cipher.final();
    if (last.length) yield last;
    yield cipher.getAuthTag();
  }
  return Readable.from(sealed());
}

/** The clear bytes of a sealed object (whole, in memory: for an admin's preservation copy, not for serving). */
export async function openSealed(source: AsyncIterable<Buffer | Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(Buffer.from(chunk));
  const raw = Buffer.concat(chunks);
  if (raw.length < sealedSize(0) || !raw.subarray(0, MAGIC.length).equals(MAGIC)) throw new SealedFileError('not a sealed object');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), raw.subarray(MAGIC.length, MAGIC.length + IV_BYTES));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(MAGIC.length + IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealedFileError('the object cannot be opened with the current key (ENCRYPTION_KEY or AUTH_SECRET changed?)');
  }
}
