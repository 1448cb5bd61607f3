import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { audit } from '@/lib/audit';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { assertAcceptablePassword } from '@/lib/auth/password-policy';
import { revokeAllSessions, type Viewer } from '@/lib/auth/sessions';
import { appLink, deliverSoon, queueEmail } from '@/lib/email';
import { sendSecurityNotice } from '@/lib/email/security-notices';
import { UserError } from '@/lib/errors';
import { consume } from '@/lib/rate-limit';
import type { RequestInfo } from '@/lib/request';
import { ownAccount } from './access';
import { cancelResetLinks, consumeToken, issueToken, mailboxAllows, peekToken } from './tokens';

export { registerApplicant, verifyEmail } from './registration';

/**
 * A person's own account: registration, email verification (and a new link when one is lost), password
 * reset and change, a change of email address through the new address, and an applicant's own decision.
 * Answers never reveal whether an email is registered (the owner is emailed instead).
 */
/** Emails a reset link to an account that can use one; answers the same either way. */
export async function requestPasswordReset(email: string, request: RequestInfo): Promise<void> {
  if (!(await mailboxAllows(email))) return;
  const [user] = await getDb()
    .select({ id: users.id, locale: users.locale, status: users.status })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (!user || user.status === 'rejected') return;
  await getDb().transaction(async (tx) => {
    const token = await issueToken(user.id, 'reset_password', tx);
    await queueEmail({ to: email, template: 'resetPassword', locale: user.locale, link: appLink('/reset-password', { token }) }, tx);
    await audit({ action: 'auth.password_reset_requested', targetType: 'user', targetId: user.id, ip: request.ip }, tx);
  });
  deliverSoon();
}

/** Sets a new password from a reset link, ends every session and every other reset link of the account, and tells its owner. */
export async function resetPassword(rawToken: string, password: string, request: RequestInfo): Promise<boolean> {
  const owner = await peekToken(rawToken, 'reset_password');
  if (!owner) return false;
  const [person] = await getDb()
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, owner))
    .limit(1);
  if (!person) return false;
  await assertAcceptablePassword(password, person);
  const userId = await consumeToken(rawToken, 'reset_password');
  if (!userId) return false;
  const passwordHash = await hashPassword(password);
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
    await cancelResetLinks(userId, tx);
    await sendSecurityNotice('passwordChanged', person, tx);
    const ended = await revokeAllSessions(userId, { tx });
    await audit(
      { action: 'auth.password_reset', actorId: userId, targetType: 'user', targetId: userId, ip: request.ip, details: { sessionsEnded: ended } },
      tx,
    );
  });
  deliverSoon();
  return true;
}

/** Changes the viewer's password (knowing the current one), ends their other sessions and reset links, and tells them. */
export async function changePassword(viewer: Viewer, current: string, next: string, request: RequestInfo): Promise<void> {
  const [user] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(ownAccount(viewer)).limit(1);
  if (!(await verifyPassword(user?.passwordHash, current))) throw new UserError('errors.wrongPassword', 'currentPassword');
  await assertAcceptablePassword(next, viewer);
  const passwordHash = await hashPassword(next);
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(ownAccount(viewer));
    await cancelResetLinks(viewer.id, tx);
    await sendSecurityNotice('passwordChanged', viewer, tx);
    const ended = await revokeAllSessions(viewer.id, { except: viewer.sessionKey, tx });
    await audit(
      {
        action: 'auth.password_changed',
        actorId: viewer.id,
        targetType: 'user',
        targetId: viewer.id,
        ip: request.ip,
        details: { sessionsEnded: ended },
      },
      tx,
    );
  });
  deliverSoon();
}

/**
 * Sends a new confirmation link to an account still waiting for its email to be confirmed (an expired
 * or lost link is otherwise a dead end). Answers the same for every address; limited per address, counted
 * whether or not the address has an account, so the limit reveals nothing either.
 */
export async function resendVerification(email: string, request: RequestInfo): Promise<void> {
  const limit = await consume('mailbox', email);
  if (!limit.ok) throw new UserError('auth.verify.resendLimited', undefined, { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
  const [user] = await getDb()
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(and(eq(users.email, email), eq(users.status, 'unverified')))
    .limit(1);
  if (!user) return;
  await getDb().transaction(async (tx) => {
    const token = await issueToken(user.id, 'verify_email', tx);
    await queueEmail({ to: email, template: 'verifyEmail', locale: user.locale, link: appLink('/verify-email', { token }) }, tx);
    await audit({ action: 'auth.verification_resent', targetType: 'user', targetId: user.id, ip: request.ip }, tx);
  });
  deliverSoon();
}

/**
 * The Secretariat's reason for rejecting an application, for its applicant only: the password is checked
 * again here, so the reason is never shown to someone who merely knows the address. Null for any other
 * account or a wrong password.
 */
export async function ownRejectionReason(email: string, password: string): Promise<string | null> {
  const [user] = await getDb()
    .select({ passwordHash: users.passwordHash, reason: users.decisionReason })
    .from(users)
    .where(and(eq(users.email, email), eq(users.status, 'rejected')))
    .limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, password))) return null;
  return user.reason;
}

/**
 * When a temporary suspension ends, told only to someone who knows the account's password (like the
 * rejection reason above: no enumeration). Null for anything else.
 */
export async function ownSuspensionEnd(email: string, password: string): Promise<Date | null> {
  const [user] = await getDb()
    .select({ passwordHash: users.passwordHash, until: users.suspendedUntil })
    .from(users)
    .where(and(eq(users.email, email), eq(users.status, 'suspended')))
    .limit(1);
  if (!user?.until || !(await verifyPassword(user.passwordHash, password))) return null;
  return user.until;
}

/**
 * Starts a change of the viewer's email address (knowing their password): a single-use link goes to the
 * new address, and the address changes only when it is followed. The answer is the same whether or not
 * the new address already belongs to an account (nothing is sent to one that does).
 */
export async function requestEmailChange(viewer: Viewer, newEmail: string, password: string, request: RequestInfo): Promise<void> {
  const [user] = await getDb().select({ passwordHash: users.passwordHash, locale: users.locale }).from(users).where(ownAccount(viewer)).limit(1);
  if (!(await verifyPassword(user?.passwordHash, password))) throw new UserError('errors.wrongPassword', 'currentPassword');
  if (newEmail === viewer.email) throw new UserError('settings.emailSame', 'email');
  const [taken] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, newEmail)).limit(1);
  await getDb().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ pendingEmail: taken ? null : newEmail, updatedAt: new Date() })
      .where(ownAccount(viewer));
    if (!taken) {
      const token = await issueToken(viewer.id, 'change_email', tx);
      await queueEmail({ to: newEmail, template: 'confirmNewEmail', locale: user!.locale, link: appLink('/confirm-email', { token }) }, tx);
    }
    await audit({ action: 'account.email_change_requested', actorId: viewer.id, targetType: 'user', targetId: viewer.id, ip: request.ip }, tx);
  });
  deliverSoon();
}

/**
 * Follows a link sent to a new address: the account's email becomes that address, and the old address is
 * told. False when the link is unknown, used or expired, or the address was taken in the meantime.
 */
export async function confirmEmailChange(rawToken: string, request: RequestInfo): Promise<boolean> {
  const userId = await consumeToken(rawToken, 'change_email');
  if (!userId) return false;
  const changed = await getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ email: users.email, pendingEmail: users.pendingEmail, locale: users.locale })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!before?.pendingEmail) return false;
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, before.pendingEmail)).limit(1);
    if (taken) return false;
    await tx.update(users).set({ email: before.pendingEmail, pendingEmail: null, updatedAt: new Date() }).where(eq(users.id, userId));
    await queueEmail({ to: before.email, template: 'emailChanged', locale: before.locale, link: appLink('/sign-in') }, tx);
    await audit(
      {
        action: 'account.email_changed',
        actorId: userId,
        targetType: 'user',
        targetId: userId,
        ip: request.ip,
        details: { from: before.email, to: before.pendingEmail },
      },
      tx,
    );
    return true;
  });
  if (changed) deliverSoon();
  return changed;
}
