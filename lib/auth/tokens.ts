import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret and the SHA-256 under which it is stored. */
export function newSecret(): { raw: string; hash: string } {
  const raw = randomBytes(32).toString('base64url');
  return { raw, hash: sha256(raw) };
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
