/**
 * Moderation of discussions: hiding and restoring posts, locking, pinning and moving threads, resolving
 * reports, revealing a reported Chatham House author — for moderators and admins only (`assertModerator`);
 * to anyone else it does not exist (NotFoundError). Every action is audited; authors are notified when their
 * post is hidden. Filing reports and the open-report queue are in lib/dal/moderation/reports.ts.
 */
import 'server-only';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { notifications, organisations, posts, reports, spaces, threads, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { isoMicros, isUuid } from '@/lib/dal/pagination';
import { threadMarkingAccess } from './access';
import { underChatham } from './chatham';
import { deliveryColumns, scheduleNotificationEmails } from '@/lib/dal/notifications/delivery';
import { assertModerator } from '@/lib/dal/roles';

/** Hides a post with a reason (its author is notified) or restores it. */
export async function setPostHidden(
  viewer: Viewer,
  postId: string,
  hidden: { reason: string } | null,
  request: RequestInfo,
): Promise<{ threadId: string }> {
  assertModerator(viewer);
  if (!isUuid(postId)) throw new NotFoundError('post');
  return getDb().transaction(async (tx) => {
    const [post] = await tx
      .update(posts)
      .set(
        hidden ? { hiddenAt: sql`now()`, hiddenReason: hidden.reason, hiddenBy: viewer.id } : { hiddenAt: null, hiddenReason: null, hiddenBy: null },
      )
      .where(and(eq(posts.id, postId), hidden ? isNull(posts.hiddenAt) : isNotNull(posts.hiddenAt)))
      .returning({ id: posts.id, threadId: posts.threadId, authorId: posts.authorId, hiddenKey: isoMicros(posts.hiddenAt) });
    if (!post) {
      const [exists] = await tx.select({ id: posts.id }).from(posts).where(eq(posts.id, postId)).limit(1);
      if (!exists) throw new NotFoundError('post');
      throw new UserError(hidden ? 'discussions.moderation.alreadyHidden' : 'discussions.moderation.notHidden');
    }
    if (hidden && post.authorId !== viewer.id) {
      await tx
        .insert(notifications)
        .values({
          userId: post.authorId,
          kind: 'post_hidden',
          dedupeKey: `hidden:${post.id}:${post.hiddenKey}`,
          threadId: post.threadId,
          postId: post.id,
          actorId: viewer.id,
          ...deliveryColumns('post_hidden', sql`${post.authorId}::uuid`),
        })
        .onConflictDoNothing();
      await scheduleNotificationEmails('post_hidden', tx);
    }
    await audit(
      {
        actorId: viewer.id,
        action: hidden ? 'post.hidden' : 'post.restored',
        targetType: 'post',
        targetId: post.id,
        ip: request.ip,
        details: hidden ? { reason: hidden.reason } : {},
      },
      tx,
    );
    return { threadId: post.threadId };
  });
}

async function updateThread(
  viewer: Viewer,
  threadId: string,
  set: Partial<typeof threads.$inferInsert>,
  action: Parameters<typeof audit>[0]['action'],
  request: RequestInfo,
  details: Record<string, unknown> = {},
) {
  assertModerator(viewer);
  if (!isUuid(threadId)) throw new NotFoundError('thread');
  await getDb().transaction(async (tx) => {
    // A thread whose marking leaves the moderator out does not exist for them (decision 030).
    const rows = await tx
      .update(threads)
      .set(set)
      .where(and(eq(threads.id, threadId), threadMarkingAccess(viewer)))
      .returning({ id: threads.id });
    if (!rows.length) throw new NotFoundError('thread');
    await audit({ actorId: viewer.id, action, targetType: 'thread', targetId: threadId, ip: request.ip, details }, tx);
  });
}

export const setThreadLocked = (viewer: Viewer, threadId: string, locked: boolean, request: RequestInfo) =>
  updateThread(viewer, threadId, { isLocked: locked }, locked ? 'thread.locked' : 'thread.unlocked', request);

export const setThreadPinned = (viewer: Viewer, threadId: string, pinned: boolean, request: RequestInfo) =>
  updateThread(viewer, threadId, { isPinned: pinned }, pinned ? 'thread.pinned' : 'thread.unpinned', request);

/** Moves a thread to another space (its counters follow it); a thread the moderator's marking leaves out is not found. */
export async function moveThread(viewer: Viewer, threadId: string, spaceId: string, request: RequestInfo): Promise<void> {
  assertModerator(viewer);
  if (!isUuid(threadId) || !isUuid(spaceId)) throw new NotFoundError('thread');
  await getDb().transaction(async (tx) => {
    const [target] = await tx.select({ id: spaces.id }).from(spaces).where(eq(spaces.id, spaceId)).limit(1);
    if (!target) throw new NotFoundError('space');
    const [current] = await tx
      .select({ spaceId: threads.spaceId })
      .from(threads)
      .where(and(eq(threads.id, threadId), threadMarkingAccess(viewer)))
      .for('update')
      .limit(1);
    if (!current) throw new NotFoundError('thread');
    if (current.spaceId === spaceId) return;
    // A thread under its space's Chatham House Rule keeps the rule when it moves out (decision 031).
    await tx
      .update(threads)
      .set({
        spaceId,
        chathamHouse: sql`${threads.chathamHouse} or coalesce((select s.chatham_house from spaces s where s.id = ${current.spaceId}::uuid), false)`,
      })
      .where(eq(threads.id, threadId));
    await tx
      .update(spaces)
      .set({ threadCount: sql`greatest(0, ${spaces.threadCount} - 1)` })
      .where(eq(spaces.id, current.spaceId));
    await tx
      .update(spaces)
      .set({ threadCount: sql`${spaces.threadCount} + 1`, lastActivityAt: sql`now()` })
      .where(eq(spaces.id, spaceId));
    await audit(
      {
        actorId: viewer.id,
        action: 'thread.moved',
        targetType: 'thread',
        targetId: threadId,
        ip: request.ip,
        details: { from: current.spaceId, to: spaceId },
      },
      tx,
    );
  });
}

/** Closes an open report: resolved (acted on) or dismissed (nothing to act on); both audited. */
export async function resolveReport(
  viewer: Viewer,
  reportId: string,
  request: RequestInfo,
  outcome: 'resolved' | 'dismissed' = 'resolved',
): Promise<void> {
  assertModerator(viewer);
  if (!isUuid(reportId)) throw new NotFoundError('report');
  await getDb().transaction(async (tx) => {
    const rows = await tx
      .update(reports)
      .set({ status: 'resolved', resolvedBy: viewer.id, resolvedAt: sql`now()` })
      .where(and(eq(reports.id, reportId), eq(reports.status, 'open')))
      .returning({ id: reports.id, kind: reports.targetKind, postId: reports.postId });
    if (!rows.length) throw new NotFoundError('report');
    await audit(
      {
        actorId: viewer.id,
        action: outcome === 'resolved' ? 'report.resolved' : 'report.dismissed',
        targetType: 'report',
        targetId: reportId,
        ip: request.ip,
        details: { kind: rows[0]!.kind, ...(rows[0]!.postId ? { postId: rows[0]!.postId } : {}) },
      },
      tx,
    );
  });
}

/**
 * A moderator reveals who wrote a post under the Chatham House Rule: only for a post that has an open
 * report, with a reason, audited (`post.author_revealed`). The answer goes to that moderator only, in
 * the action's response: nothing is stored that would show it to anyone else.
 */
export async function revealReportedAuthor(
  viewer: Viewer,
  reportId: string,
  reason: string,
  request: RequestInfo,
): Promise<{ name: string; organisation: string }> {
  assertModerator(viewer);
  if (!isUuid(reportId)) throw new NotFoundError('report');
  const [row] = await getDb()
    .select({ postId: posts.id, authorId: posts.authorId, name: users.name, organisation: organisations.name, chatham: underChatham() })
    .from(reports)
    .innerJoin(posts, eq(posts.id, reports.postId))
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(spaces, eq(spaces.id, threads.spaceId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    // Only a report the moderator can see: its thread's marking lets them in (decision 030).
    .where(and(eq(reports.id, reportId), eq(reports.status, 'open'), threadMarkingAccess(viewer)))
    .limit(1);
  if (!row || !row.chatham) throw new NotFoundError('report');
  await audit({
    actorId: viewer.id,
    action: 'post.author_revealed',
    targetType: 'post',
    targetId: row.postId,
    ip: request.ip,
    details: { reportId, reason, authorId: row.authorId },
  });
  return { name: row.name, organisation: row.organisation };
}
