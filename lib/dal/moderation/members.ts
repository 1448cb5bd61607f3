/**
 * Formal warnings and temporary suspensions (decision 029); who may give them: ./access.ts. Every action is
 * audited; the member is notified of a warning, admins of a temporary suspension.
 */
import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Tx } from '@/db';
import { notifications, reports, users, warnings } from '@/db/schema';
import { audit } from '@/lib/audit';
import { revokeAllSessions, type Viewer } from '@/lib/auth/sessions';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { enqueueJob } from '@/lib/jobs';
import { assertConsoleAccess } from '@/lib/dal/console/access';
import { keepAnAdmin, lockAccount } from '@/lib/dal/console/users';
import { deliveryColumns, scheduleNotificationEmails } from '@/lib/dal/notifications/delivery';
import { isUuid, keysetPage, seekClause, timeIdKey, isoMicros, type Page } from '@/lib/dal/pagination';
import { activeAdmins } from '@/lib/dal/accounts/admins';
import { assertModerator } from '@/lib/dal/roles';
import { assertMayActOn } from './access';

/** The member a moderator acts on, locked: refuses themself, and (for moderators) anyone but a member. */
async function actOn(tx: Tx, viewer: Viewer, userId: string) {
  assertModerator(viewer);
  if (!isUuid(userId)) throw new NotFoundError('user');
  const { target, otherActiveAdmins } = await lockAccount(tx, userId);
  assertMayActOn(viewer, target);
  return { target, otherActiveAdmins };
}

/** The report a warning or suspension answers must be an open report about something of this member. */
async function checkReport(tx: Tx, reportId: string | undefined, userId: string): Promise<string | null> {
  if (!reportId) return null;
  if (!isUuid(reportId)) throw new NotFoundError('report');
  const [row] = await tx
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(
        eq(reports.id, reportId),
        sql`${userId}::uuid in (
          ${reports.personId},
          (select p.author_id from posts p where p.id = ${reports.postId}),
          (select t.author_id from threads t where t.id = ${reports.threadId}),
          (select r.contributor_id from resources r where r.id = ${reports.resourceId}))`,
      ),
    )
    .limit(1);
  if (!row) throw new NotFoundError('report');
  return row.id;
}

/** A formal warning with a reason: the member is notified (portal and email, by their choice) and sees it on /settings/warnings. */
export async function warnMember(viewer: Viewer, userId: string, reason: string, request: RequestInfo, reportId?: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const { target } = await actOn(tx, viewer, userId);
    const fromReport = await checkReport(tx, reportId, target.id);
    const [warning] = await tx
      .insert(warnings)
      .values({ userId: target.id, moderatorId: viewer.id, reason, reportId: fromReport })
      .returning({ id: warnings.id });
    await tx
      .insert(notifications)
      .values({
        userId: target.id,
        kind: 'warning',
        dedupeKey: `warning:${warning!.id}`,
        ...deliveryColumns('warning', sql`${target.id}::uuid`),
      })
      .onConflictDoNothing();
    await scheduleNotificationEmails('warning', tx);
    await audit(
      {
        actorId: viewer.id,
        action: 'user.warned',
        targetType: 'user',
        targetId: target.id,
        ip: request.ip,
        details: { warningId: warning!.id, reason, ...(fromReport ? { reportId: fromReport } : {}) },
      },
      tx,
    );
  });
}

export interface WarningItem {
  id: string;
  reason: string;
  createdAt: Date;
  moderatorName: string | null;
}

function warningsOf(userId: string, cursor: string | null | undefined): Promise<Page<WarningItem>> {
  const moderator = alias(users, 'moderator');
  return keysetPage({
    cursor,
    key: timeIdKey,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause([warnings.createdAt, warnings.id], key ? [sql`${key[0]}::timestamptz`, sql`${key[1]}::uuid`] : null, 'desc', backward);
      return getDb()
        .select({
          id: warnings.id,
          reason: warnings.reason,
          createdAt: warnings.createdAt,
          createdKey: isoMicros(warnings.createdAt),
          moderatorName: moderator.name,
        })
        .from(warnings)
        .leftJoin(moderator, eq(moderator.id, warnings.moderatorId))
        .where(and(eq(warnings.userId, userId), seek.where))
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
    keyOf: (row) => [row.createdKey, row.id] as [string, string],
  });
}

/** A member's warnings, newest first, for the admin's page about them. */
export async function listWarnings(viewer: Viewer, userId: string, cursor?: string | null): Promise<Page<WarningItem>> {
  assertConsoleAccess(viewer);
  if (!isUuid(userId)) throw new NotFoundError('user');
  return warningsOf(userId, cursor);
}

/** The viewer's own warnings (the moderator's name is not shown to them: the Secretariat speaks). */
export async function listOwnWarnings(viewer: Viewer, cursor?: string | null): Promise<Page<Omit<WarningItem, 'moderatorName'>>> {
  const page = await warningsOf(viewer.id, cursor);
  return { ...page, items: page.items.map(({ moderatorName: _, ...item }) => item) };
}

/**
 * Suspends a member for `days` days with a reason: their sessions end at once, admins are notified, and
 * a job lifts the suspension when it is due (sign-in lifts it too, whichever comes first).
 */
export async function suspendTemporarily(
  viewer: Viewer,
  userId: string,
  days: number,
  reason: string,
  request: RequestInfo,
  reportId?: string,
): Promise<{ until: Date }> {
  if (!Number.isInteger(days) || days < 1 || days > 30) throw new UserError('errors.invalid');
  return getDb().transaction(async (tx) => {
    const { target, otherActiveAdmins } = await actOn(tx, viewer, userId);
    if (target.status !== 'active') throw new UserError('errors.stale');
    keepAnAdmin(target, otherActiveAdmins);
    const fromReport = await checkReport(tx, reportId, target.id);
    const [row] = await tx
      .update(users)
      .set({ status: 'suspended', suspendedUntil: sql`now() + make_interval(days => ${days})`, updatedAt: new Date() })
      .where(eq(users.id, target.id))
      .returning({ until: users.suspendedUntil });
    const until = row!.until!;
    const sessionsEnded = await revokeAllSessions(target.id, { tx });
    await enqueueJob('moderation.liftSuspension', { userId: target.id }, { tx, delaySeconds: days * 86_400 });
    const admins = (await activeAdmins(tx)).filter((admin) => admin.id !== target.id);
    if (admins.length) {
      await tx
        .insert(notifications)
        .values(
          admins.map((admin) => ({
            userId: admin.id,
            kind: 'member_suspended' as const,
            dedupeKey: `suspended:${target.id}:${until.toISOString()}`,
            // Who was suspended: the notification names them and opens their admin page.
            actorId: target.id,
            ...deliveryColumns('member_suspended', sql`${admin.id}::uuid`),
          })),
        )
        .onConflictDoNothing();
    }
    await scheduleNotificationEmails('member_suspended', tx);
    await audit(
      {
        actorId: viewer.id,
        action: 'user.suspended_temporarily',
        targetType: 'user',
        targetId: target.id,
        ip: request.ip,
        details: {
          from: 'active',
          to: 'suspended',
          days,
          until: until.toISOString(),
          reason,
          sessionsEnded,
          ...(fromReport ? { reportId: fromReport } : {}),
        },
      },
      tx,
    );
    return { until };
  });
}

/**
 * Lifts temporary suspensions that are due (one member's, or every one): the account is active again.
 * Idempotent, safe on several instances at once (the update decides). Audited with no actor: the clock did it.
 */
export async function liftDueSuspensions(userId?: string, tx?: Tx): Promise<number> {
  const lifted = await (tx ?? getDb())
    .update(users)
    .set({ status: 'active', suspendedUntil: null, updatedAt: new Date() })
    .where(and(eq(users.status, 'suspended'), lte(users.suspendedUntil, sql`now()`), userId ? eq(users.id, userId) : undefined))
    .returning({ id: users.id });
  for (const { id } of lifted) {
    await audit({ action: 'user.suspension_lifted', targetType: 'user', targetId: id, details: { from: 'suspended', to: 'active' } }, tx);
  }
  return lifted.length;
}
