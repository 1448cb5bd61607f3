/**
 * Access for moderation. Reporting (decision 029): any member, for a post, thread, resource, person or
 * organisation they see, by that domain's own rule (`threadAccess`, `resourceAccess`, `personAccess`,
 * `organisationPageAccess`): what they cannot see is not found.
 * Everything else — the report queue, hiding and restoring posts, locking, pinning and moving threads,
 * resolving reports, reading edit history — is for moderators and admins only (`assertModerator`);
 * to anyone else it does not exist (NotFoundError). Every action is audited; authors are notified when
 * their post is hidden.
 */
import 'server-only';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { alias } from 'drizzle-orm/pg-core';
import { files, notifications, organisations, posts, reports, resources, spaces, threads, users, type ReportTarget, type Sector } from '@/db/schema';
import { organisationPageAccess, personAccess } from '@/lib/dal/directory/access';
import { resourceAccess } from '@/lib/dal/resources/access';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { cursorTimestamp, isoMicros, isUuid, keysetPage, seekClause, type Page } from '@/lib/dal/pagination';
import { withCurrentMentionNames } from './mention-names';
import { threadAccess, threadMarkingAccess } from './access';
import { chathamLabel, masked, underChatham, type ChathamAuthor } from './chatham';
import { deliveryColumns, scheduleNotificationEmails } from '@/lib/dal/notifications/delivery';
import { assertModerator } from '@/lib/dal/roles';

/** The target of a report exists and the viewer sees it (each domain's own rule); otherwise not found. */
async function assertReportable(viewer: Viewer, kind: ReportTarget, id: string): Promise<void> {
  if (!isUuid(id)) throw new NotFoundError(kind);
  const db = getDb();
  const found =
    kind === 'post'
      ? await db
          .select({ id: posts.id })
          .from(posts)
          .innerJoin(threads, eq(threads.id, posts.threadId))
          .innerJoin(spaces, eq(spaces.id, threads.spaceId))
          .where(and(eq(posts.id, id), isNull(posts.deletedAt), threadAccess(viewer)))
          .limit(1)
      : kind === 'thread'
        ? await db
            .select({ id: threads.id })
            .from(threads)
            .innerJoin(spaces, eq(spaces.id, threads.spaceId))
            .where(and(eq(threads.id, id), threadAccess(viewer)))
            .limit(1)
        : kind === 'resource'
          ? await db
              .select({ id: resources.id })
              .from(resources)
              .where(and(eq(resources.id, id), resourceAccess(viewer)))
              .limit(1)
          : kind === 'person'
            ? await db
                .select({ id: users.id })
                .from(users)
                .where(and(eq(users.id, id), personAccess(viewer)))
                .limit(1)
            : await db
                .select({ id: organisations.id })
                .from(organisations)
                .where(and(eq(organisations.id, id), organisationPageAccess(viewer)))
                .limit(1);
  if (!found.length) throw new NotFoundError(kind);
}

const TARGET_COLUMN = { post: 'postId', thread: 'threadId', resource: 'resourceId', person: 'personId', organisation: 'organisationId' } as const;

/**
 * Any member reports something they can see, with a reason: once per reporter and target while the
 * report is open (a second try says so). Audited as `<kind>.reported`.
 */
export async function reportTarget(viewer: Viewer, kind: ReportTarget, targetId: string, reason: string, request: RequestInfo): Promise<void> {
  await assertReportable(viewer, kind, targetId);
  if (kind === 'person' && targetId === viewer.id) throw new UserError('discussions.report.self');
  await getDb().transaction(async (tx) => {
    const inserted = await tx
      .insert(reports)
      .values({ targetKind: kind, [TARGET_COLUMN[kind]]: targetId, reporterId: viewer.id, reason })
      .onConflictDoNothing()
      .returning({ id: reports.id });
    if (!inserted.length) throw new UserError(kind === 'post' ? 'discussions.report.already' : 'discussions.report.alreadyTarget');
    await audit(
      {
        actorId: viewer.id,
        action: `${kind}.reported`,
        targetType: kind === 'person' ? 'user' : kind,
        targetId,
        ip: request.ip,
        details: { reportId: inserted[0]!.id },
      },
      tx,
    );
  });
}

/** Any member reports a post they can see, with a reason. */
export const reportPost = (viewer: Viewer, postId: string, reason: string, request: RequestInfo) =>
  reportTarget(viewer, 'post', postId, reason, request);

/** An open report of any kind; the fields of other kinds are null. */
export interface ReportItem {
  id: string;
  kind: ReportTarget;
  reason: string;
  createdAt: Date;
  createdKey: string;
  reporterName: string;
  /** The member answerable for the target (the post's or thread's author, the resource's contributor, the person reported). */
  memberId: string | null;
  memberName: string | null;
  memberRole: string | null;
  memberStatus: string | null;
  postId: string | null;
  postNumber: number | null;
  postCooked: string | null;
  postHidden: boolean;
  postHiddenReason: string | null;
  postDeleted: boolean;
  /** The post's author; null under the Chatham House Rule, where `chathamAuthor` stands for them (revealReportedAuthor). */
  authorName: string | null;
  chathamAuthor: ChathamAuthor | null;
  threadId: string | null;
  threadTitle: string | null;
  threadLocked: boolean;
  threadPinned: boolean;
  spaceId: string | null;
  spaceName: string | null;
  resourceId: string | null;
  resourceTitle: string | null;
  /** Whether the moderator may open the resource (resourceAccess); its image preview only then. */
  resourceVisible: boolean;
  resourceImageFileId: string | null;
  organisationId: string | null;
  organisationName: string | null;
  organisationSlug: string | null;
  organisationLogoFileId: string | null;
}

const reportKey = z.tuple([cursorTimestamp, z.uuid()]);

/** Open reports of every kind, oldest first. */
export async function listOpenReports(viewer: Viewer, cursor?: string | null): Promise<Page<ReportItem>> {
  assertModerator(viewer);
  const page = await keysetPage({
    cursor,
    key: reportKey,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause([reports.createdAt, reports.id], key ? [sql`${key[0]}::timestamptz`, sql`${key[1]}::uuid`] : null, 'asc', backward);
      const member = alias(users, 'member');
      const reporter = alias(users, 'reporter');
      const file = alias(files, 'preview');
      const rows = await getDb()
        .select({
          id: reports.id,
          kind: reports.targetKind,
          reason: reports.reason,
          createdAt: reports.createdAt,
          createdKey: isoMicros(reports.createdAt),
          reporterName: reporter.name,
          memberId: member.id,
          memberName: member.name,
          memberRole: member.role,
          memberStatus: member.status,
          postId: posts.id,
          postNumber: posts.number,
          postCooked: posts.cooked,
          postHidden: sql<boolean>`("posts"."hidden_at" is not null)`,
          postHiddenReason: posts.hiddenReason,
          postDeleted: sql<boolean>`("posts"."deleted_at" is not null)`,
          authorName: sql<string | null>`(select a.name from users a where a.id = "posts"."author_id")`,
          chatham: sql<boolean>`coalesce(${underChatham()}, false)`,
          authorSector: sql<Sector | null>`(select o.sector from users a join organisations o on o.id = a.organisation_id where a.id = "posts"."author_id")`,
          authorCountry: sql<
            string | null
          >`(select o.country from users a join organisations o on o.id = a.organisation_id where a.id = "posts"."author_id")`,
          threadId: threads.id,
          threadTitle: threads.title,
          threadLocked: sql<boolean>`coalesce(${threads.isLocked}, false)`,
          threadPinned: sql<boolean>`coalesce(${threads.isPinned}, false)`,
          spaceId: spaces.id,
          spaceName: spaces.name,
          resourceId: resources.id,
          resourceTitle: resources.title,
          resourceVisible: sql<boolean>`coalesce(${resourceAccess(viewer)}, false)`,
          resourceImageFileId: sql<string | null>`case when ${resourceAccess(viewer)} and ${file.contentType} like 'image/%' then ${file.id} end`,
          organisationId: organisations.id,
          organisationName: organisations.name,
          organisationSlug: organisations.slug,
          organisationLogoFileId: organisations.logoFileId,
        })
        .from(reports)
        .leftJoin(posts, eq(posts.id, reports.postId))
        .leftJoin(threads, sql`${threads.id} = coalesce(${posts.threadId}, ${reports.threadId})`)
        .leftJoin(spaces, eq(spaces.id, threads.spaceId))
        .leftJoin(resources, eq(resources.id, reports.resourceId))
        .leftJoin(file, and(eq(file.id, resources.currentFileId), isNull(file.quarantinedAt)))
        .leftJoin(organisations, eq(organisations.id, reports.organisationId))
        .leftJoin(member, sql`${member.id} = coalesce(${posts.authorId}, ${threads.authorId}, ${resources.contributorId}, ${reports.personId})`)
        .innerJoin(reporter, eq(reporter.id, reports.reporterId))
        // Reports on what the moderator cannot see do not reach them: a thread's marking, a resource's rule
        // (TLP markings, decision 030), so neither a RED title nor an AMBER excerpt shows to those not let in.
        .where(
          and(
            eq(reports.status, 'open'),
            sql`(${threads.id} is null or ${threadMarkingAccess(viewer)})`,
            sql`(${resources.id} is null or ${resourceAccess(viewer)})`,
            seek.where,
          ),
        )
        .orderBy(...seek.orderBy)
        .limit(limit);
      // Under the Chatham House Rule the author of a reported post or thread is not named, not even as the
      // member to warn: a moderator reveals them for a report, with a reason (revealReportedAuthor).
      return rows.map(({ chatham, authorSector, authorCountry, ...row }) => {
        const hidden = chatham && (row.kind === 'post' || row.kind === 'thread');
        return {
          ...row,
          authorName: masked(chatham, row.authorName),
          chathamAuthor: authorSector ? chathamLabel(chatham, authorSector, authorCountry) : null,
          memberId: hidden ? null : row.memberId,
          memberName: hidden ? null : row.memberName,
          memberRole: hidden ? null : row.memberRole,
          memberStatus: hidden ? null : row.memberStatus,
        };
      });
    },
    keyOf: (row) => [row.createdKey, row.id] as [string, string],
  });
  // Mentions in the reported posts show current names, as in the thread (./mention-names.ts).
  const renamed = await withCurrentMentionNames(
    viewer,
    page.items.map((item) => ({ ...item, cooked: item.postCooked ?? '' })),
  );
  return { ...page, items: renamed.map(({ cooked, ...item }) => ({ ...item, postCooked: item.postId ? cooked : null })) };
}

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
    const rows = await tx.update(threads).set(set).where(eq(threads.id, threadId)).returning({ id: threads.id });
    if (!rows.length) throw new NotFoundError('thread');
    await audit({ actorId: viewer.id, action, targetType: 'thread', targetId: threadId, ip: request.ip, details }, tx);
  });
}

export const setThreadLocked = (viewer: Viewer, threadId: string, locked: boolean, request: RequestInfo) =>
  updateThread(viewer, threadId, { isLocked: locked }, locked ? 'thread.locked' : 'thread.unlocked', request);

export const setThreadPinned = (viewer: Viewer, threadId: string, pinned: boolean, request: RequestInfo) =>
  updateThread(viewer, threadId, { isPinned: pinned }, pinned ? 'thread.pinned' : 'thread.unpinned', request);

/** Moves a thread to another space (its counters follow it). */
export async function moveThread(viewer: Viewer, threadId: string, spaceId: string, request: RequestInfo): Promise<void> {
  assertModerator(viewer);
  if (!isUuid(threadId) || !isUuid(spaceId)) throw new NotFoundError('thread');
  await getDb().transaction(async (tx) => {
    const [target] = await tx.select({ id: spaces.id }).from(spaces).where(eq(spaces.id, spaceId)).limit(1);
    if (!target) throw new NotFoundError('space');
    const [current] = await tx.select({ spaceId: threads.spaceId }).from(threads).where(eq(threads.id, threadId)).for('update').limit(1);
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
