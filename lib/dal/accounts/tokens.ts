import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { tokens } from '@/db/schema';
import type { TokenKind } from '@/db/schema';
import { newSecret, sha256 } from '@/lib/auth/tokens';
import { consume } from '@/lib/rate-limit';

/** Single-use emailed tokens of a person's own account (stored hashed), and the per-mailbox email limit. */
const TOKEN_LIFETIME_MS: Record<TokenKind, number> = {
  verify_email: 24 * 3_600_000,
  reset_password: 3_600_000,
  change_email: 24 * 3_600_000,
};

export async function issueToken(userId: string, kind: TokenKind, tx: Tx | undefined): Promise<string> {
  const { raw, hash } = newSecret();
  const db = tx ?? getDb();
  // A new link replaces any earlier unused one of the same kind.
  await db
    .update(tokens)
    .set({ usedAt: new Date() })
    .where(and(eq(tokens.userId, userId), eq(tokens.kind, kind), isNull(tokens.usedAt)));
  await db.insert(tokens).values({ userId, kind, tokenHash: hash, expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[kind]) });
  return raw;
}

/** Marks a token used and returns its user, or null when unknown, used or expired. Single use, even under races. */
export async function consumeToken(raw: string, kind: TokenKind): Promise<string | null> {
  const [row] = await getDb()
    .update(tokens)
    .set({ usedAt: new Date() })
    .where(and(eq(tokens.tokenHash, sha256(raw)), eq(tokens.kind, kind), isNull(tokens.usedAt), gt(tokens.expiresAt, new Date())))
    .returning({ userId: tokens.userId });
  return row?.userId ?? null;
}

/** The user of a live token, without using it up (a refused new password must leave the link working). */
export async function peekToken(raw: string, kind: TokenKind): Promise<string | null> {
  const [row] = await getDb()
    .select({ userId: tokens.userId })
    .from(tokens)
    .where(and(eq(tokens.tokenHash, sha256(raw)), eq(tokens.kind, kind), isNull(tokens.usedAt), gt(tokens.expiresAt, new Date())))
    .limit(1);
  return row?.userId ?? null;
}

/** A new password ends every reset link still waiting in the account's mailbox. */
export async function cancelResetLinks(userId: string, tx: Tx): Promise<void> {
  await tx
    .update(tokens)
    .set({ usedAt: new Date() })
    .where(and(eq(tokens.userId, userId), eq(tokens.kind, 'reset_password'), isNull(tokens.usedAt)));
}

/**
 * Emails about an existing account ("already registered", reset links) to one address are limited
 * (RULES.mailbox), whoever asks and whether or not the address has an account, so no one can flood a
 * mailbox through the portal. Past the limit the request is answered the same and nothing is sent.
 */
export async function mailboxAllows(email: string): Promise<boolean> {
  return (await consume('mailbox', email)).ok;
}
