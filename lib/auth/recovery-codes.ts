import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { recoveryCodes } from '@/db/schema';
import { sha256 } from './tokens';

/**
 * Recovery codes: ten single-use codes made with an account's first second factor (and again on request),
 * shown once and stored as SHA-256; one replaces a factor at the second step (lib/auth/second-factor.ts).
 */
export const RECOVERY_CODE_COUNT = 10;

/** "abcde-fghij": 50 random bits in a lower-case base32 alphabet (no 0/1/8/9, nothing to confuse). */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b & 31]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function normaliseRecoveryCode(code: string): string {
  const plain = code.toLowerCase().replace(/[^a-z2-7]/g, '');
  return `${plain.slice(0, 5)}-${plain.slice(5)}`;
}

/** Throws away an account's recovery codes and makes ten new ones, returned once (stored as SHA-256). */
export async function replaceRecoveryCodes(userId: string, tx: Tx): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: sha256(code) })));
  return codes;
}

/** How many of the account's recovery codes are still unused. */
export async function recoveryCodesLeft(userId: string): Promise<number> {
  const [row] = await getDb()
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** Uses up one unused recovery code of the account; false when it is wrong or spent. */
export async function spendRecoveryCode(userId: string, code: string): Promise<boolean> {
  const used = await getDb()
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, sha256(normaliseRecoveryCode(code))), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}
