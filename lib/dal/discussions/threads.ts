/**
 * Access for threads: every read joins the thread's space and applies `threadAccess(viewer)`
 * (./access.ts) in the query; a thread in a space the viewer does not see does not exist for them
 * (NotFoundError, a 404 page). Starting threads, replying and editing live in posts-write.ts.
 */
import 'server-only';
import { cache } from 'react';
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { organisations, spaces, threadFollows, threadReads, threads, users, type TlpMarking } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError, UserError } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs';
import type { RequestInfo } from '@/lib/request';
import { cursorTimestamp, isoMicros, isUuid, keysetPage, type Page } from '@/lib/dal/pagination';
import { threadAccess } from './access';
import { chathamLabel, masked, maskedAuthorId, underChatham, type ChathamAuthor } from './chatham';
import { isModerator } from '@/lib/dal/roles';

export interface ThreadListItem {
  id: string;
  title: string;
  /** The content language (ISO 639-1). */
  language: string;
  /** The TLP marking (decision 030). */
  marking: TlpMarking;
  isUrgent: boolean;
  urgentReason: string | null;
  isPinned: boolean;
  isLocked: boolean;
  replies: number;
  postCount: number;
  lastPostAt: Date;
  lastPostKey: string;
  /** Null under the Chatham House Rule (./chatham.ts), like `authorName`. */
  lastPosterName: string | null;
  authorName: string | null;
  /** The thread runs under the Chatham House Rule: no one's name is given. */
  chathamHouse: boolean;
  /** Posts the viewer has not seen; null when they never opened the thread. */
  unread: number | null;
}

const threadKey = z.tuple([z.boolean(), z.boolean(), cursorTimestamp, z.uuid()]);
type ThreadKey = z.output<typeof threadKey>;

const lastPoster = sql<string | null>`(select u.name from users u where u.id = "threads"."last_poster_id")`;
const readNumber = (viewer: Viewer) =>
  sql<number | null>`(select r.last_read_number from thread_reads r where r.thread_id = "threads"."id" and r.user_id = ${viewer.id}::uuid)`;

/**
 * Threads of a space: pinned first, then urgent, then by last activity (keyset over that order), in one
 * content language when asked (threads_space_language_order_idx).
 */
export async function listThreads(viewer: Viewer, spaceId: string, cursor?: string | null, language?: string): Promise<Page<ThreadListItem>> {
  if (!isUuid(spaceId)) throw new NotFoundError('space');
  return keysetPage<ThreadListItem, ThreadKey>({
    cursor,
    key: threadKey,
    fetch: async ({ key, backward }, limit) => {
      const cmp = backward ? '>' : '<';
      const dir = backward ? 'asc' : 'desc';
      const seek = key
        ? sql`("threads"."is_pinned", "threads"."is_urgent", "threads"."last_post_at", "threads"."id") ${sql.raw(cmp)} (${key[0]}, ${key[1]}, ${key[2]}::timestamptz, ${key[3]}::uuid)`
        : undefined;
      const rows = await getDb()
        .select({
          id: threads.id,
          title: threads.title,
          language: threads.language,
          marking: threads.marking,
          isUrgent: threads.isUrgent,
          urgentReason: threads.urgentReason,
          isPinned: threads.isPinned,
          isLocked: threads.isLocked,
          postCount: threads.postCount,
          lastPostAt: threads.lastPostAt,
          lastPostKey: isoMicros(threads.lastPostAt),
          lastPosterName: lastPoster,
          authorName: users.name,
          chathamHouse: underChatham(),
          readNumber: readNumber(viewer),
        })
        .from(threads)
        .innerJoin(spaces, eq(spaces.id, threads.spaceId))
        .innerJoin(users, eq(users.id, threads.authorId))
        .where(and(eq(threads.spaceId, spaceId), language ? eq(threads.language, language) : undefined, threadAccess(viewer), seek))
        .orderBy(sql.raw(`"threads"."is_pinned" ${dir}, "threads"."is_urgent" ${dir}, "threads"."last_post_at" ${dir}, "threads"."id" ${dir}`))
        .limit(limit);
      return rows.map(({ readNumber: r, ...row }) => ({
        ...row,
        lastPosterName: masked(row.chathamHouse, row.lastPosterName),
        authorName: masked(row.chathamHouse, row.authorName),
        replies: Math.max(0, row.postCount - 1),
        unread: r === null || r === undefined ? null : Math.max(0, row.postCount - Number(r)),
      }));
    },
    keyOf: (row) => [row.isPinned, row.isUrgent, row.lastPostKey, row.id],
  });
}

export interface ThreadDetail {
  id: string;
  title: string;
  language: string;
  marking: TlpMarking;
  spaceId: string;
  spaceSlug: string;
  spaceName: string;
  spaceArchived: boolean;
  /** Under the Chatham House Rule: the viewer's own id when they started it, otherwise null (./chatham.ts). */
  authorId: string | null;
  authorName: string | null;
  /** The thread runs under the Chatham House Rule (its own flag or its space's). */
  chathamHouse: boolean;
  /** Whether its space runs under the rule (every new thread there does). */
  spaceChathamHouse: boolean;
  /** Under the rule: the sector and region that stand for the thread's author. */
  chathamAuthor: ChathamAuthor | null;
  isUrgent: boolean;
  urgentReason: string | null;
  isPinned: boolean;
  isLocked: boolean;
  postCount: number;
  createdAt: Date;
  following: boolean;
  lastReadNumber: number;
}

/** One thread the viewer sees, or NotFoundError. Memoised per request (React `cache`): a page's metadata and body share one query. */
export const getThread = cache(async function getThread(viewer: Viewer, threadId: string): Promise<ThreadDetail> {
  if (!isUuid(threadId)) throw new NotFoundError('thread');
  const [row] = await getDb()
    .select({
      id: threads.id,
      title: threads.title,
      language: threads.language,
      marking: threads.marking,
      spaceId: spaces.id,
      spaceSlug: spaces.slug,
      spaceName: spaces.name,
      spaceArchived: sql<boolean>`("spaces"."archived_at" is not null)`,
      authorId: threads.authorId,
      authorName: users.name,
      chathamHouse: underChatham(),
      spaceChathamHouse: spaces.chathamHouse,
      sector: organisations.sector,
      country: organisations.country,
      isUrgent: threads.isUrgent,
      urgentReason: threads.urgentReason,
      isPinned: threads.isPinned,
      isLocked: threads.isLocked,
      postCount: threads.postCount,
      createdAt: threads.createdAt,
      following: sql<boolean>`exists (select 1 from thread_follows f where f.thread_id = "threads"."id" and f.user_id = ${viewer.id}::uuid)`,
      lastReadNumber: sql<number>`coalesce(${readNumber(viewer)}, 0)`.mapWith(Number),
    })
    .from(threads)
    .innerJoin(spaces, eq(spaces.id, threads.spaceId))
    .innerJoin(users, eq(users.id, threads.authorId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(threads.id, threadId), threadAccess(viewer)))
    .limit(1);
  if (!row) throw new NotFoundError('thread');
  const { sector, country, ...thread } = row;
  return {
    ...thread,
    authorId: maskedAuthorId(row.chathamHouse, row.authorId, viewer.id),
    authorName: masked(row.chathamHouse, row.authorName),
    chathamAuthor: chathamLabel(row.chathamHouse, sector, country),
  };
});

/** Records that the viewer has seen the thread up to post `number` (never moves backwards). */
export async function markThreadRead(viewer: Viewer, threadId: string, number: number): Promise<void> {
  const thread = await getThread(viewer, threadId);
  const upTo = Math.min(Math.max(0, Math.floor(number)), thread.postCount);
  await getDb()
    .insert(threadReads)
    .values({ userId: viewer.id, threadId: thread.id, lastReadNumber: upTo })
    .onConflictDoUpdate({
      target: [threadReads.userId, threadReads.threadId],
      set: { lastReadNumber: sql`greatest(${threadReads.lastReadNumber}, excluded.last_read_number)`, updatedAt: sql`now()` },
    });
}

export async function followThread(viewer: Viewer, threadId: string, follow: boolean): Promise<void> {
  const thread = await getThread(viewer, threadId);
  if (follow) {
    await getDb().insert(threadFollows).values({ userId: viewer.id, threadId: thread.id }).onConflictDoNothing();
  } else {
    await getDb()
      .delete(threadFollows)
      .where(and(eq(threadFollows.userId, viewer.id), eq(threadFollows.threadId, thread.id)));
  }
}

export interface UrgentThread {
  id: string;
  title: string;
  language: string;
  marking: TlpMarking;
  urgentReason: string | null;
  urgentAt: Date | null;
  spaceName: string;
  spaceSlug: string;
  /** Null under the Chatham House Rule, where `chathamAuthor` stands for the author. */
  authorName: string | null;
  chathamAuthor: ChathamAuthor | null;
  unread: number | null;
}

/** Urgent threads in the spaces the viewer sees, newest flag first (for /home). */
export async function listUrgentThreads(viewer: Viewer, limit = 5): Promise<UrgentThread[]> {
  const rows = await getDb()
    .select({
      id: threads.id,
      title: threads.title,
      language: threads.language,
      marking: threads.marking,
      urgentReason: threads.urgentReason,
      urgentAt: threads.urgentAt,
      spaceName: spaces.name,
      spaceSlug: spaces.slug,
      authorName: users.name,
      chatham: underChatham(),
      sector: organisations.sector,
      country: organisations.country,
      postCount: threads.postCount,
      readNumber: readNumber(viewer),
    })
    .from(threads)
    .innerJoin(spaces, eq(spaces.id, threads.spaceId))
    .innerJoin(users, eq(users.id, threads.authorId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(threads.isUrgent, true), threadAccess(viewer)))
    .orderBy(desc(threads.urgentAt))
    .limit(limit);
  return rows.map(({ readNumber: r, postCount, chatham, sector, country, ...row }) => ({
    ...row,
    authorName: masked(chatham, row.authorName),
    chathamAuthor: chathamLabel(chatham, sector, country),
    unread: r === null ? null : Math.max(0, postCount - Number(r)),
  }));
}

/**
 * Marks a thread urgent with a one-line reason (its author or a moderator). Everyone who sees the space
 * is notified by a background job, not inside this request.
 */
export async function setUrgent(viewer: Viewer, threadId: string, reason: string, request: RequestInfo): Promise<void> {
  const thread = await getThread(viewer, threadId);
  if (thread.authorId !== viewer.id && !isModerator(viewer)) throw new NotFoundError('thread');
  if (thread.isLocked && !isModerator(viewer)) throw new UserError('discussions.thread.lockedNotice');
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(threads)
      .set({ isUrgent: true, urgentReason: reason, urgentAt: sql`now()` })
      .where(eq(threads.id, thread.id))
      .returning({ urgentAt: isoMicros(threads.urgentAt) });
    await enqueueJob('discussions.urgent', { threadId: thread.id, urgentAt: row!.urgentAt, actorId: viewer.id }, { tx });
    await audit(
      { actorId: viewer.id, action: 'thread.urgent_set', targetType: 'thread', targetId: thread.id, ip: request.ip, details: { reason } },
      tx,
    );
  });
}

/** Clears the urgent flag (moderators). */
export async function clearUrgent(viewer: Viewer, threadId: string, request: RequestInfo): Promise<void> {
  if (!isModerator(viewer)) throw new NotFoundError('thread');
  const thread = await getThread(viewer, threadId);
  await getDb().transaction(async (tx) => {
    await tx.update(threads).set({ isUrgent: false, urgentReason: null, urgentAt: null }).where(eq(threads.id, thread.id));
    await audit({ actorId: viewer.id, action: 'thread.urgent_cleared', targetType: 'thread', targetId: thread.id, ip: request.ip }, tx);
  });
}
