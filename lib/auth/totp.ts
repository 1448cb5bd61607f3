import { createHash } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30-second steps), as every authenticator app
 * reads them. A code is accepted one step either side of now; the caller stores the step a code was
 * accepted for and refuses that step or an earlier one next time, so each code works once.
 * No `server-only`: the e2e tests and `npm run demo:code` compute demo codes with it.
 */
export const TOTP_PERIOD = 30;
const ISSUER = 'Protectors’ Portal';

function totp(secretBase32: string, label = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/** A new random secret (160 bits), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, accountEmail: string): string {
  return totp(secretBase32, accountEmail).toString();
}

/** The step (30-second window number) of a moment. */
export function stepAt(timestamp = Date.now()): number {
  return Math.floor(timestamp / 1000 / TOTP_PERIOD);
}

/**
 * The step a code belongs to when it is right (±1 step of `timestamp`) and newer than `lastStep`; else null.
 */
export function acceptTotp(secretBase32: string, code: string, lastStep: number | null, timestamp = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secretBase32).validate({ token, timestamp, window: 1 });
  if (delta === null) return null;
  const step = stepAt(timestamp) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** The code of a step (the demo tools and tests). */
export function totpCode(secretBase32: string, timestamp = Date.now()): string {
  return totp(secretBase32).generate({ timestamp });
}

/**
 * The demo accounts' authenticator secret: derived from the email, so `npm run dev` can print it, the
 * e2e tests can compute codes, and each account has its own (never used outside demo data).
 */
export function demoTotpSecret(email: string): string {
  const bytes = createHash('sha256').update(`protectors-portal demo totp|${email.toLowerCase()}`).digest().subarray(0, 20);
  return new Secret({ buffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer }).base32;
}
