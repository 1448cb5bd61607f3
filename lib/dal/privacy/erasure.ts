/**
 * ACCESS RULES for erasing people (GDPR article 17, decision 020): a member deletes only their own account
 * (`deleteOwnAccount`, the viewer's id, after re-authentication and typing their email); an admin deletes
 * another person's account or a pending application (`assertConsoleAccess`). The account row stays,
 * emptied, so posts, threads and resources keep a valid author shown as "Former member" (an empty name);
 * everything else that was the person's goes in the same transaction.
 */
import 'server-only';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import {
  conversationParticipants,
  dataExports,
  digestRuns,
  joinRequests,
  memberBlocks,
  notificationPreferences,
  notifications,
  outbox,
  recoveryCodes,
  secondFactors,
  sessions,
  spaceFollows,
  spaceMembers,
  threadFollows,
  threadReads,
  tokens,
  users,
} from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { assertConsoleAccess } from '@/lib/dal/console/access';
import { keepAnAdmin, lockAccount } from '@/lib/dal/console/users';
import { isUuid } from '@/lib/dal/pagination';
import { NotFoundError, UserError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import type { RequestInfo } from '@/lib/request';
import { storage } from '@/lib/storage';

/** Unverified applicants older than this are purged (nobody can hold a colleague's address for long). */
export const UNVERIFIED_RETENTION_DAYS = 30;

/** The address a deleted account keeps: unique, undeliverable (RFC 2606), and the old one is free again. */
export const erasedEmail = (userId: string) => `${userId}@deleted.invalid`;

/** Empties one account in the caller's transaction; returns the storage keys of its exports to delete after commit. */
async function eraseAccount(tx: Tx, userId: string): Promise<string[]> {
  const [person] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!person) throw new NotFoundError('user');
  for (const table of [sessions, tokens, secondFactors, recoveryCodes, threadReads, threadFollows, spaceFollows, spaceMembers, joinRequests])
    await tx.delete(table).where(eq(table.userId, userId));
  await tx.delete(notifications).where(eq(notifications.userId, userId));
  // Direct messages (decision 023): their messages stay, shown as a former member's; they leave every conversation, their blocks go.
  await tx
    .update(conversationParticipants)
    .set({ leftAt: sql`now()` })
    .where(and(eq(conversationParticipants.userId, userId), isNull(conversationParticipants.leftAt)));
  await tx.delete(memberBlocks).where(or(eq(memberBlocks.blockerId, userId), eq(memberBlocks.blockedId, userId)));
  await tx.update(notifications).set({ actorId: null }).where(eq(notifications.actorId, userId));
  await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  await tx.delete(digestRuns).where(eq(digestRuns.userId, userId));
  await tx.delete(outbox).where(eq(outbox.to, person.email));
  const exports = await tx.delete(dataExports).where(eq(dataExports.userId, userId)).returning({ key: dataExports.storageKey });
  const now = new Date();
  await tx
    .update(users)
    .set({
      email: erasedEmail(userId),
      name: '',
      jobTitle: '',
      passwordHash: '',
      role: 'member',
      isFocalPoint: false,
      status: 'suspended',
      suspendedWithOrganisation: false,
      reason: '',
      decisionReason: null,
      pendingEmail: null,
      pronouns: null,
      bio: '',
      bioHtml: '',
      phone: null,
      languages: [],
      expertise: [],
      listed: false,
      showEmail: false,
      showPhone: false,
      deletedAt: now,
      updatedAt: now,
    })
    .where(eq(users.id, userId));
  return exports.flatMap((e) => (e.key ? [e.key] : []));
}

async function deleteStored(keys: string[]): Promise<void> {
  for (const key of keys)
    await storage()
      .delete(key)
      .catch((error: unknown) => logger.warn({ err: error }, 'could not delete an export file'));
}

async function deleteAccount(actorId: string, userId: string, by: 'self' | 'admin', request: RequestInfo): Promise<void> {
  const keys = await getDb().transaction(async (tx) => {
    const { target, otherActiveAdmins } = await lockAccount(tx, userId);
    keepAnAdmin(target, otherActiveAdmins);
    const stored = await eraseAccount(tx, target.id);
    // The event stays in the audit trail under the account's random id, which now names nobody.
    await audit(
      {
        actorId: by === 'self' ? null : actorId,
        action: 'account.deleted',
        targetType: 'user',
        targetId: target.id,
        ip: request.ip,
        details: { by },
      },
      tx,
    );
    return stored;
  });
  await deleteStored(keys);
}

/** The member deletes their own account; `confirmEmail` must be their address (a typed confirmation). */
export async function deleteOwnAccount(viewer: Viewer, confirmEmail: string, request: RequestInfo): Promise<void> {
  if (confirmEmail.trim().toLowerCase() !== viewer.email.toLowerCase()) throw new UserError('privacy.delete.confirmMismatch');
  await deleteAccount(viewer.id, viewer.id, 'self', request);
}

/** An admin deletes another person's account (their own goes through /settings/data). */
export async function adminDeleteAccount(viewer: Viewer, userId: string, request: RequestInfo): Promise<void> {
  assertConsoleAccess(viewer);
  if (!isUuid(userId)) throw new NotFoundError('user');
  if (userId === viewer.id) throw new UserError('errors.cannotChangeSelf');
  await deleteAccount(viewer.id, userId, 'admin', request);
}

const notYetMember = or(eq(users.status, 'unverified'), eq(users.status, 'pending'), eq(users.status, 'rejected'));

/** An admin deletes an application (never approved): the row goes, so the address can register again. */
export async function deleteApplication(viewer: Viewer, userId: string, request: RequestInfo): Promise<void> {
  assertConsoleAccess(viewer);
  if (!isUuid(userId)) throw new NotFoundError('user');
  await getDb().transaction(async (tx) => {
    const [gone] = await tx
      .delete(users)
      .where(and(eq(users.id, userId), notYetMember, isNull(users.deletedAt)))
      .returning({ id: users.id, status: users.status, email: users.email });
    if (!gone) throw new NotFoundError('user');
    await tx.delete(outbox).where(eq(outbox.to, gone.email));
    await audit(
      { actorId: viewer.id, action: 'application.deleted', targetType: 'user', targetId: gone.id, ip: request.ip, details: { status: gone.status } },
      tx,
    );
  });
}

/** Deletes applicants who never verified their address within the retention period; returns how many. */
export async function purgeUnverifiedApplicants(): Promise<number> {
  return getDb().transaction(async (tx) => {
    const gone = await tx
      .delete(users)
      .where(and(eq(users.status, 'unverified'), lt(users.createdAt, sql`now() - make_interval(days => ${UNVERIFIED_RETENTION_DAYS})`)))
      .returning({ email: users.email });
    if (gone.length) {
      await tx.delete(outbox).where(
        inArray(
          outbox.to,
          gone.map((g) => g.email),
        ),
      );
      await audit({ action: 'application.purged', details: { count: gone.length, olderThanDays: UNVERIFIED_RETENTION_DAYS } }, tx);
    }
    return gone.length;
  });
}
