/**
 * Reports of every kind (decision 029): any member reports a post, thread, resource, person or organisation
 * they see, by that domain's own rule (`threadAccess`, `resourceAccess`, `personAccess`,
 * `organisationPageAccess`): what they cannot see is not found. The open-report queue is for moderators and
 * admins only (`assertModerator`), and leaves out what a TLP marking keeps from them (decision 030).
 */
import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { alias } from 'drizzle-orm/pg-core';
import { files, organisations, posts, reports, resources, spaces, threads, users, type ReportTarget, type Sector } from '@/db/schema';
import { organisationPageAccess, personAccess } from '@/lib/dal/directory/access';
import { resourceAccess } from '@/lib/dal/resources/access';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { cursorTimestamp, isoMicros, isUuid, keysetPage, seekClause, type Page } from '@/lib/dal/pagination';
import { withCurrentMentionNames } from '@/lib/dal/discussions/mention-names';
import { threadAccess, threadMarkingAccess } from '@/lib/dal/discussions/access';
import { chathamLabel, masked, underChatham, type ChathamAuthor } from '@/lib/dal/discussions/chatham';
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
