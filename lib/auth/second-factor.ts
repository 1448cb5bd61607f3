import 'server-only';
import { and, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { portalSettings, recoveryCodes, secondFactors, users } from '@/db/schema';
import type { Role, SecondFactorKind } from '@/db/schema';
import { audit } from '@/lib/audit';
import { assertAdmin, isStaff } from '@/lib/dal/roles';
import { appLink, deliverSoon, queueEmail, type EmailTemplate } from '@/lib/email';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { decryptSecret, encryptSecret } from './crypto';
import { revokeAllSessions, type Viewer } from './sessions';
import { RECOVERY_CODE_COUNT, recoveryCodesLeft, replaceRecoveryCodes, spendRecoveryCode } from './recovery-codes';
import { acceptTotp, newTotpSecret, totpUri } from './totp';

/**
 * SECOND FACTORS (issue 9): authenticator apps (TOTP), security keys and passkeys (WebAuthn, ./webauthn.ts),
 * and ten single-use recovery codes. Every query here is scoped to one account: the signed-in viewer's
 * own (`viewer.id`), the pending session's, or — for the reset — an account an admin names.
 *
 * Staff (admins, moderators, focal points) must have a factor; an admin may require one of everyone
 * (the `second_factor_required` portal setting). Sign-in is one flow: password → a pending session →
 * the factor (or the forced enrolment) → the session is signed in (lib/auth/sessions.ts).
 */

export { RECOVERY_CODE_COUNT, recoveryCodesLeft };

/** Sensitive steps ask for the password or a factor again when the last check is older than this. */
export const REAUTH_MINUTES = 10;
/** Factors one account may hold (the settings page lists them all, no paging needed). */
export const MAX_FACTORS = 10;
const ENROLMENT_MINUTES = 15;
const REQUIRED_SETTING = 'second_factor_required';

type Account = { role: Role; isFocalPoint: boolean };

/** Whether an admin requires a second factor of every member (not only of staff). */
export async function secondFactorRequiredForEveryone(): Promise<boolean> {
  const [row] = await getDb().select({ value: portalSettings.value }).from(portalSettings).where(eq(portalSettings.key, REQUIRED_SETTING)).limit(1);
  return row?.value === true;
}

/** An admin requires (or stops requiring) a second factor of every member; audited. */
export async function setSecondFactorRequiredForEveryone(admin: Viewer, required: boolean, request: RequestInfo): Promise<void> {
  assertAdmin(admin);
  await getDb().transaction(async (tx) => {
    await tx
      .insert(portalSettings)
      .values({ key: REQUIRED_SETTING, value: required, updatedBy: admin.id })
      .onConflictDoUpdate({ target: portalSettings.key, set: { value: required, updatedBy: admin.id, updatedAt: sql`now()` } });
    await audit({ action: 'settings.second_factor_required', actorId: admin.id, ip: request.ip, details: { required } }, tx);
  });
}

/** Staff always; everyone when an admin requires it. */
export async function mustHaveSecondFactor(account: Account): Promise<boolean> {
  return isStaff(account) || (await secondFactorRequiredForEveryone());
}

export async function hasSecondFactor(userId: string, tx?: Tx): Promise<boolean> {
  const [row] = await (tx ?? getDb()).select({ n: count() }).from(secondFactors).where(eq(secondFactors.userId, userId));
  return (row?.n ?? 0) > 0;
}

export interface FactorSummary {
  id: string;
  kind: SecondFactorKind;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** An account's factors, newest first (at most MAX_FACTORS exist). */
export async function listFactors(userId: string): Promise<FactorSummary[]> {
  return getDb()
    .select({
      id: secondFactors.id,
      kind: secondFactors.kind,
      name: secondFactors.name,
      createdAt: secondFactors.createdAt,
      lastUsedAt: secondFactors.lastUsedAt,
    })
    .from(secondFactors)
    .where(eq(secondFactors.userId, userId))
    .orderBy(desc(secondFactors.createdAt), desc(secondFactors.id))
    .limit(MAX_FACTORS);
}

/** For an admin looking at a member: how many factors they have. */
export async function factorCountFor(admin: Viewer, userId: string): Promise<number> {
  assertAdmin(admin);
  const [row] = await getDb().select({ n: count() }).from(secondFactors).where(eq(secondFactors.userId, userId));
  return row?.n ?? 0;
}

// ---- authenticator apps (TOTP)

/**
 * A new authenticator secret for an account, and the token the enrolment form carries back with the
 * first code: the secret encrypted and bound to the account and a deadline (nothing kept in memory).
 */
export function startTotpEnrolment(account: { id: string; email: string }): { secret: string; uri: string; token: string } {
  const secret = newTotpSecret();
  const token = encryptSecret(JSON.stringify({ u: account.id, s: secret, e: Date.now() + ENROLMENT_MINUTES * 60_000 }));
  return { secret, uri: totpUri(secret, account.email), token };
}

function enrolmentSecret(token: string, userId: string): string | null {
  try {
    const { u, s, e } = JSON.parse(decryptSecret(token)) as { u: string; s: string; e: number };
    return u === userId && e > Date.now() ? s : null;
  } catch {
    return null;
  }
}

/**
 * Adds an authenticator app once its first code checks out. The first factor of an account comes with
 * ten recovery codes, returned (to be shown once).
 */
export async function addTotpFactor(
  account: { id: string; email: string; locale: string },
  input: { token: string; code: string; name: string },
  request: RequestInfo,
): Promise<{ recoveryCodes: string[] | null }> {
  const secret = enrolmentSecret(input.token, account.id);
  if (!secret) throw new UserError('security.enrol.expired');
  const step = acceptTotp(secret, input.code, null);
  if (step === null) throw new UserError('security.enrol.wrongCode', 'code');
  return addFactor(account, { kind: 'totp', name: input.name, totpSecret: encryptSecret(secret), lastStep: step }, request);
}

/** Inserts a factor (any kind), with recovery codes when it is the account's first; audited, and the owner is told by email. */
export async function addFactor(
  account: { id: string; email: string; locale: string },
  factor: Omit<typeof secondFactors.$inferInsert, 'userId'>,
  request: RequestInfo,
): Promise<{ recoveryCodes: string[] | null }> {
  const codes = await getDb().transaction(async (tx) => {
    // One enrolment at a time per account (two tabs cannot both slip under the cap or both make codes).
    await tx.execute(sql`select 1 from ${users} where ${users.id} = ${account.id} for update`);
    const [row] = await tx.select({ n: count() }).from(secondFactors).where(eq(secondFactors.userId, account.id));
    const existing = row?.n ?? 0;
    if (existing >= MAX_FACTORS) throw new UserError('security.factors.tooMany', undefined, { max: MAX_FACTORS });
    const [added] = await tx
      .insert(secondFactors)
      .values({ ...factor, userId: account.id })
      .returning({ id: secondFactors.id });
    await audit(
      {
        action: 'auth.second_factor_added',
        actorId: account.id,
        targetType: 'user',
        targetId: account.id,
        ip: request.ip,
        details: { kind: factor.kind, factorId: added!.id },
      },
      tx,
    );
    await notify(account, 'secondFactorAdded', tx);
    return existing === 0 ? replaceRecoveryCodes(account.id, tx) : null;
  });
  deliverSoon();
  return { recoveryCodes: codes };
}

/** Checks a code from one of the account's authenticator apps; the step is stored atomically, so a code works once. */
async function verifyTotp(userId: string, code: string): Promise<boolean> {
  const factors = await getDb()
    .select({ id: secondFactors.id, secret: secondFactors.totpSecret, lastStep: secondFactors.lastStep })
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, userId), eq(secondFactors.kind, 'totp')))
    .limit(MAX_FACTORS);
  for (const factor of factors) {
    if (!factor.secret) continue;
    const step = acceptTotp(decryptSecret(factor.secret), code, factor.lastStep);
    if (step === null) continue;
    const taken = await getDb()
      .update(secondFactors)
      .set({ lastStep: step, lastUsedAt: sql`now()` })
      .where(and(eq(secondFactors.id, factor.id), or(isNull(secondFactors.lastStep), lt(secondFactors.lastStep, step))))
      .returning({ id: secondFactors.id });
    if (taken.length) return true;
  }
  return false;
}

// ---- recovery codes (./recovery-codes.ts)

/** New recovery codes for the viewer (who has a factor); audited. */
export async function regenerateRecoveryCodes(viewer: Viewer, request: RequestInfo): Promise<string[]> {
  return getDb().transaction(async (tx) => {
    if (!(await hasSecondFactor(viewer.id, tx))) throw new UserError('security.recovery.noFactor');
    const codes = await replaceRecoveryCodes(viewer.id, tx);
    await audit({ action: 'auth.recovery_codes_regenerated', actorId: viewer.id, targetType: 'user', targetId: viewer.id, ip: request.ip }, tx);
    return codes;
  });
}

/**
 * A code typed at the second step or to confirm a sensitive step: six digits from an authenticator app,
 * else a recovery code (used up). Answers which kind passed, or null.
 */
export async function verifySecondFactorCode(userId: string, code: string): Promise<'totp' | 'recovery' | null> {
  const compact = code.replace(/\s+/g, '');
  if (/^\d{6}$/.test(compact)) return (await verifyTotp(userId, compact)) ? 'totp' : null;
  if (/^[a-z2-7]{5}-?[a-z2-7]{5}$/i.test(compact)) return (await spendRecoveryCode(userId, compact)) ? 'recovery' : null;
  return null;
}

// ---- removal and the admin's reset

/** Removes one of the viewer's factors. Someone who must have a factor cannot remove their last one; removing the last drops the recovery codes. */
export async function removeFactor(viewer: Viewer, factorId: string, request: RequestInfo): Promise<void> {
  const required = await mustHaveSecondFactor(viewer);
  await getDb().transaction(async (tx) => {
    await tx.execute(sql`select 1 from ${users} where ${users.id} = ${viewer.id} for update`);
    const [row] = await tx.select({ n: count() }).from(secondFactors).where(eq(secondFactors.userId, viewer.id));
    const [removed] = await tx
      .delete(secondFactors)
      .where(and(eq(secondFactors.id, factorId), eq(secondFactors.userId, viewer.id)))
      .returning({ kind: secondFactors.kind });
    if (!removed) throw new NotFoundError('second factor');
    const left = (row?.n ?? 1) - 1;
    if (left === 0 && required) throw new UserError('security.factors.lastRequired');
    if (left === 0) await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, viewer.id));
    await audit(
      {
        action: 'auth.second_factor_removed',
        actorId: viewer.id,
        targetType: 'user',
        targetId: viewer.id,
        ip: request.ip,
        details: { kind: removed.kind, factorId },
      },
      tx,
    );
    await notify(viewer, 'secondFactorRemoved', tx);
  });
  deliverSoon();
}

/**
 * An admin resets a member's second factor (lost phone and codes): every factor and recovery code goes,
 * every session ends, the member is emailed; audited. A member who must have a factor enrols again at
 * their next sign-in.
 */
export async function resetSecondFactors(admin: Viewer, userId: string, request: RequestInfo): Promise<void> {
  assertAdmin(admin);
  await getDb().transaction(async (tx) => {
    const [member] = await tx.select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId)).limit(1);
    if (!member) throw new NotFoundError('user');
    const removed = await tx.delete(secondFactors).where(eq(secondFactors.userId, userId)).returning({ id: secondFactors.id });
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    const ended = await revokeAllSessions(userId, { tx });
    await audit(
      {
        action: 'auth.second_factor_reset',
        actorId: admin.id,
        targetType: 'user',
        targetId: userId,
        ip: request.ip,
        details: { factorsRemoved: removed.length, sessionsEnded: ended },
      },
      tx,
    );
    await notify(member, 'secondFactorReset', tx);
  });
  deliverSoon();
}

async function notify(account: { email: string; locale: string }, template: EmailTemplate, tx: Tx): Promise<void> {
  await queueEmail({ to: account.email, template, locale: account.locale, link: appLink('/settings/security') }, tx);
}
