import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations, tokens, users } from '@/db/schema';
import type { TokenKind } from '@/db/schema';
import { audit } from '@/lib/audit';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { revokeAllSessions, type Viewer } from '@/lib/auth/sessions';
import { newSecret, sha256 } from '@/lib/auth/tokens';
import { appLink, deliverSoon, queueEmail } from '@/lib/email';
import { UserError } from '@/lib/errors';
import { DEFAULT_LOCALE, isLocale, isTimeZone } from '@/lib/i18n/locales';
import type { RequestInfo } from '@/lib/request';
import type { RegisterInput } from '@/lib/validation/auth';
import { uniqueSlug } from './slugs';

/**
 * A person's own account: registration, email verification, password reset and change.
 * Answers never reveal whether an email is registered (the owner is emailed instead).
 */
const TOKEN_LIFETIME_MS: Record<TokenKind, number> = {
  verify_email: 24 * 3_600_000,
  reset_password: 3_600_000,
};

async function issueToken(userId: string, kind: TokenKind, tx: Parameters<typeof audit>[1]): Promise<string> {
  const { raw, hash } = newSecret();
  const db = tx ?? getDb();
  // A new link replaces any earlier unused one of the same kind.
  await db.update(tokens).set({ usedAt: new Date() }).where(and(eq(tokens.userId, userId), eq(tokens.kind, kind), isNull(tokens.usedAt)));
  await db.insert(tokens).values({ userId, kind, tokenHash: hash, expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[kind]) });
  return raw;
}

/** Marks a token used and returns its user, or null when unknown, used or expired. Single use, even under races. */
async function consumeToken(raw: string, kind: TokenKind): Promise<string | null> {
  const [row] = await getDb()
    .update(tokens)
    .set({ usedAt: new Date() })
    .where(and(eq(tokens.tokenHash, sha256(raw)), eq(tokens.kind, kind), isNull(tokens.usedAt), gt(tokens.expiresAt, new Date())))
    .returning({ userId: tokens.userId });
  return row?.userId ?? null;
}

export async function registerApplicant(input: RegisterInput, request: RequestInfo): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const locale = isLocale(input.locale) ? input.locale : DEFAULT_LOCALE;
  const timeZone = isTimeZone(input.timeZone) ? input.timeZone : 'UTC';
  const db = getDb();

  // Checked before looking the email up: answering differently for a known email would reveal it.
  if (input.organisationChoice === 'existing') {
    const [org] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, input.organisationId!), eq(organisations.status, 'active'), eq(organisations.isSecretariat, false)))
      .limit(1);
    if (!org) throw new UserError('errors.organisationUnknown', 'organisationId');
  }

  const [existing] = await db.select({ id: users.id, locale: users.locale }).from(users).where(eq(users.email, input.email)).limit(1);
  if (existing) {
    await db.transaction(async (tx) => {
      await queueEmail({ to: input.email, template: 'registerExisting', locale: existing.locale, link: appLink('/sign-in') }, tx);
      await audit({ action: 'auth.register_existing_email', targetType: 'user', targetId: existing.id, ip: request.ip }, tx);
    });
    deliverSoon();
    return;
  }

  await db.transaction(async (tx) => {
    let organisationId = input.organisationId;
    if (input.organisationChoice === 'new') {
      const [org] = await tx
        .insert(organisations)
        .values({
          slug: await uniqueSlug(input.newOrganisationName!, tx),
          name: input.newOrganisationName!,
          sector: input.newOrganisationSector!,
          country: input.newOrganisationSector === 'intergovernmental' ? (input.newOrganisationCountry ?? null) : input.newOrganisationCountry!,
          website: input.newOrganisationWebsite ?? null,
          emailDomains: [input.email.split('@')[1]!],
          status: 'proposed',
        })
        .returning({ id: organisations.id });
      organisationId = org!.id;
    }
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        jobTitle: input.jobTitle,
        passwordHash,
        organisationId: organisationId!,
        reason: input.reason,
        locale,
        timeZone,
        status: 'unverified',
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!user) return; // registered a moment ago by a parallel request: answer the same
    const token = await issueToken(user.id, 'verify_email', tx);
    await queueEmail({ to: input.email, template: 'verifyEmail', locale, link: appLink('/verify-email', { token }) }, tx);
    await audit({ action: 'auth.register', actorId: user.id, targetType: 'user', targetId: user.id, ip: request.ip, details: { organisationChoice: input.organisationChoice } }, tx);
  });
  deliverSoon();
}

/** Confirms an email address; the application then waits for an admin. */
export async function verifyEmail(rawToken: string, request: RequestInfo): Promise<boolean> {
  const userId = await consumeToken(rawToken, 'verify_email');
  if (!userId) return false;
  const db = getDb();
  await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ status: 'pending', emailVerifiedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(users.id, userId), eq(users.status, 'unverified')))
      .returning({ id: users.id });
    if (!user) return;
    await audit({ action: 'auth.verify_email', actorId: userId, targetType: 'user', targetId: userId, ip: request.ip }, tx);
    const admins = await tx.select({ email: users.email, locale: users.locale }).from(users).where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
    for (const admin of admins) {
      await queueEmail({ to: admin.email, template: 'newApplication', locale: admin.locale, link: appLink('/admin/applications') }, tx);
    }
  });
  deliverSoon();
  return true;
}

/** Emails a reset link to an account that can use one; answers the same either way. */
export async function requestPasswordReset(email: string, request: RequestInfo): Promise<void> {
  const [user] = await getDb().select({ id: users.id, locale: users.locale, status: users.status }).from(users).where(eq(users.email, email)).limit(1);
  if (!user || user.status === 'rejected') return;
  await getDb().transaction(async (tx) => {
    const token = await issueToken(user.id, 'reset_password', tx);
    await queueEmail({ to: email, template: 'resetPassword', locale: user.locale, link: appLink('/reset-password', { token }) }, tx);
    await audit({ action: 'auth.password_reset_requested', targetType: 'user', targetId: user.id, ip: request.ip }, tx);
  });
  deliverSoon();
}

/** Sets a new password from a reset link and ends every session of the account. */
export async function resetPassword(rawToken: string, password: string, request: RequestInfo): Promise<boolean> {
  const userId = await consumeToken(rawToken, 'reset_password');
  if (!userId) return false;
  const passwordHash = await hashPassword(password);
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
    const ended = await revokeAllSessions(userId, { tx });
    await audit({ action: 'auth.password_reset', actorId: userId, targetType: 'user', targetId: userId, ip: request.ip, details: { sessionsEnded: ended } }, tx);
  });
  return true;
}

/** Changes the viewer's password (knowing the current one) and ends their other sessions. */
export async function changePassword(viewer: Viewer, current: string, next: string, request: RequestInfo): Promise<void> {
  const [user] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.id)).limit(1);
  if (!(await verifyPassword(user?.passwordHash, current))) throw new UserError('errors.wrongPassword', 'currentPassword');
  const passwordHash = await hashPassword(next);
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, viewer.id));
    const ended = await revokeAllSessions(viewer.id, { except: viewer.sessionKey, tx });
    await audit({ action: 'auth.password_changed', actorId: viewer.id, targetType: 'user', targetId: viewer.id, ip: request.ip, details: { sessionsEnded: ended } }, tx);
  });
}
