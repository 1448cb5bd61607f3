import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { config } from '@/lib/config';

/**
 * Secrets kept at rest (second-factor secrets) are encrypted with AES-256-GCM under a key derived with
 * HKDF-SHA-256 from ENCRYPTION_KEY, or from AUTH_SECRET when that is unset. Stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url); a changed or truncated value fails to decrypt.
 */
const INFO = 'protectors-portal second-factor secrets v1';

function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'protectors-portal', INFO, 32));
}

function currentKey(): Buffer {
  const c = config();
  return keyFrom(c.ENCRYPTION_KEY ?? c.authSecret);
}

export function encryptSecret(plain: string, key: Buffer = currentKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function decryptSecret(stored: string, key: Buffer = currentKey()): string {
  const [version, iv, tag, data] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unreadable encrypted secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** For tests and tools that hold a secret of their own. */
export const deriveKey = keyFrom;
