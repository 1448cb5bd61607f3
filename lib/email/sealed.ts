import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { config } from '@/lib/config';

/**
 * Email bodies at rest: the outbox table holds reset and verification links until they are sent, so its
 * `text` and `html` are sealed with AES-256-GCM under a key derived (HKDF-SHA-256) from OUTBOX_KEY, or
 * from AUTH_SECRET when that is not set. Whoever reads the database (a backup, a read replica, a leaked
 * dump) sees `pp1:…`, not a link. Sealing happens inside queueEmail, so every email is covered.
 */
const PREFIX = 'pp1:';

export class SealedEmailError extends Error {}

function key(): Buffer {
  const c = config();
  return Buffer.from(hkdfSync('sha256', c.OUTBOX_KEY ?? c.authSecret, 'protectors-portal', 'email-outbox-v1', 32));
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The clear text of a sealed body. A body written before sealing existed (no prefix) is returned as it is. */
export function unseal(stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedEmailError('the email cannot be opened with the current key (OUTBOX_KEY or AUTH_SECRET changed?)');
  }
}

/** A queued row as a transport sends it (tests read queued emails through this too). */
export function openEmail<T extends { text: string; html: string }>(row: T): T {
  return { ...row, text: unseal(row.text), html: unseal(row.html) };
}
