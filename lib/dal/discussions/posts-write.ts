/**
 * Access for writing in discussions: starting threads, replying, editing and removing one's own
 * posts. Each write first finds its space or thread through `spaceAccess(viewer)` (./access.ts)
 * inside the same transaction: what the viewer does not see does not exist (NotFoundError). Locked
 * threads refuse replies (except from moderators), archived spaces refuse everything. Posting limits
 * (Discourse-like) are checked under a per-member advisory lock so two tabs cannot slip past them.
 * Markdown is cooked (sanitized HTML) once, here, and stored beside the source. Bodies are checked for
 * what could identify a victim or a case first (lib/identifying: refused unless acknowledged, audited).
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { executeRows, getDb, type Tx } from '@/db';
import { postRevisions, posts, spaces, threadFollows, threadReads, threads } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { POSTING_LIMITS } from '@/lib/dal/discussions/limits';
import { NotFoundError, UserError } from '@/lib/errors';
import { recordAcknowledged, screenFields, screenIdentifying } from '@/lib/identifying/check';
import { enqueueJob } from '@/lib/jobs';
import { cookMarkdown, markdownToPlainText } from '@/lib/markdown';
import type { RequestInfo } from '@/lib/request';
import type { NewThreadInput, ReplyInput } from '@/lib/validation/discussions';
import { isoMicros, isUuid } from '@/lib/dal/pagination';
import { spaceAccess, threadAccess } from './access';
import { checkedMarking, writeThreadMarking } from '@/lib/dal/markings';
import { markingOf } from '@/lib/validation/markings';
import { isModerator } from '@/lib/dal/roles';

const bodyHash = (body: string) => createHash('sha256').update(body.trim().replace(/\s+/g, ' ').toLowerCase()).digest('hex');

async function cook(body: string) {
  const cooked = await cookMarkdown(body);
  return { body, cooked, plainText: markdownToPlainText(cooked), bodyHash: bodyHash(body) };
}

/** Markdown → the sanitized HTML a post would store (the editor's preview). */
export async function previewPost(body: string): Promise<string> {
  return cookMarkdown(body);
}

/** Refuses a post that comes too soon after the member's last one, or repeats a recent body. */
async function checkPostingLimits(tx: Tx, viewer: Viewer, kind: 'thread' | 'post', hash: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`posting:${viewer.id}`}))`);
  const wait = async (query: ReturnType<typeof sql>) => {
    const [row] = await executeRows<{ wait: number | null }>(tx, query);
    return row?.wait ? Math.ceil(Number(row.wait)) : 0;
  };
  if (kind === 'thread' && POSTING_LIMITS.threadSeconds > 0) {
    const seconds = await wait(sql`select ${POSTING_LIMITS.threadSeconds} - extract(epoch from now() - max(created_at)) as wait
      from threads where author_id = ${viewer.id}::uuid and created_at > now() - make_interval(secs => ${POSTING_LIMITS.threadSeconds})`);
    if (seconds > 0) throw new UserError('discussions.limits.thread', undefined, { seconds });
  }
  if (POSTING_LIMITS.postSeconds > 0) {
    const seconds = await wait(sql`select ${POSTING_LIMITS.postSeconds} - extract(epoch from now() - max(created_at)) as wait
      from posts where author_id = ${viewer.id}::uuid and created_at > now() - make_interval(secs => ${POSTING_LIMITS.postSeconds})`);
    if (seconds > 0) throw new UserError('discussions.limits.post', undefined, { seconds });
  }
  if (POSTING_LIMITS.duplicateMinutes > 0) {
    const [dup] = await executeRows<{ one: number }>(
      tx,
      sql`select 1 as one from posts where author_id = ${viewer.id}::uuid and body_hash = ${hash} and deleted_at is null
        and created_at > now() - make_interval(mins => ${POSTING_LIMITS.duplicateMinutes}) limit 1`,
    );
    if (dup) throw new UserError('discussions.limits.duplicate', 'body', { minutes: POSTING_LIMITS.duplicateMinutes });
  }
}

async function afterPosting(tx: Tx, viewer: Viewer, threadId: string, number: number) {
  await tx.insert(threadFollows).values({ userId: viewer.id, threadId }).onConflictDoNothing();
  await tx
    .insert(threadReads)
    .values({ userId: viewer.id, threadId, lastReadNumber: number })
    .onConflictDoUpdate({
      target: [threadReads.userId, threadReads.threadId],
      set: { lastReadNumber: sql`greatest(${threadReads.lastReadNumber}, excluded.last_read_number)`, updatedAt: sql`now()` },
    });
}

/** Starts a thread (its first post); marking it urgent fans notifications out in a background job. */
export async function createThread(viewer: Viewer, input: NewThreadInput, request: RequestInfo): Promise<{ threadId: string }> {
  if (!isUuid(input.spaceId)) throw new NotFoundError('space');
  // A thread is its title and first post: one check, one acknowledgement (audited on the post).
  const identifying = screenFields({ title: input.title, body: input.body }, input.identifyingChecked);
  const content = await cook(input.body);
  return getDb().transaction(async (tx) => {
    const [space] = await tx
      .select({ id: spaces.id, archivedAt: spaces.archivedAt, chathamHouse: spaces.chathamHouse })
      .from(spaces)
      .where(and(eq(spaces.id, input.spaceId), spaceAccess(viewer)))
      .limit(1);
    if (!space) throw new NotFoundError('space');
    if (space.archivedAt) throw new UserError('discussions.space.archivedNotice');
    await checkPostingLimits(tx, viewer, 'thread', content.bodyHash);
    const marking = await checkedMarking(tx, markingOf(input));
    const urgent = input.urgent && input.urgentReason ? input.urgentReason : null;
    const [thread] = await tx
      .insert(threads)
      .values({
        spaceId: space.id,
        authorId: viewer.id,
        title: input.title,
        language: input.language ?? viewer.locale,
        // A thread of a Chatham House space keeps the rule even if the space's flag is later cleared.
        chathamHouse: input.chathamHouse === true || space.chathamHouse,
        marking: marking.marking,
        postCount: 1,
        lastPosterId: viewer.id,
        isUrgent: urgent !== null,
        urgentReason: urgent,
        urgentAt: urgent !== null ? sql`now()` : null,
      })
      .returning({ id: threads.id, urgentAt: isoMicros(threads.urgentAt) });
    await writeThreadMarking(tx, thread!.id, viewer, marking);
    const [post] = await tx
      .insert(posts)
      .values({ threadId: thread!.id, number: 1, authorId: viewer.id, ...content })
      .returning({ id: posts.id });
    await tx
      .update(spaces)
      .set({ threadCount: sql`${spaces.threadCount} + 1`, lastActivityAt: sql`now()` })
      .where(eq(spaces.id, space.id));
    await afterPosting(tx, viewer, thread!.id, 1);
    await recordAcknowledged(tx, viewer, identifying, { type: 'post', id: post!.id }, request.ip);
    await enqueueJob('discussions.post', { postId: post!.id }, { tx });
    if (urgent !== null) {
      await enqueueJob('discussions.urgent', { threadId: thread!.id, urgentAt: thread!.urgentAt, actorId: viewer.id }, { tx });
      await audit(
        { actorId: viewer.id, action: 'thread.urgent_set', targetType: 'thread', targetId: thread!.id, ip: request.ip, details: { reason: urgent } },
        tx,
      );
    }
    return { threadId: thread!.id };
  });
}

/** Replies to a thread the viewer sees; returns the new post's number (for the redirect to it). */
export async function createReply(viewer: Viewer, input: ReplyInput, request?: RequestInfo): Promise<{ postId: string; number: number }> {
  if (!isUuid(input.threadId)) throw new NotFoundError('thread');
  const identifying = screenIdentifying(input.body, input.identifyingChecked);
  const content = await cook(input.body);
  return getDb().transaction(async (tx) => {
    const [thread] = await tx
      .select({ id: threads.id, isLocked: threads.isLocked, spaceId: spaces.id, archivedAt: spaces.archivedAt })
      .from(threads)
      .innerJoin(spaces, eq(spaces.id, threads.spaceId))
      .where(and(eq(threads.id, input.threadId), threadAccess(viewer)))
      .limit(1);
    if (!thread) throw new NotFoundError('thread');
    if (thread.archivedAt) throw new UserError('discussions.space.archivedNotice');
    if (thread.isLocked && !isModerator(viewer)) throw new UserError('discussions.thread.lockedNotice');
    await checkPostingLimits(tx, viewer, 'post', content.bodyHash);
    const [counter] = await tx
      .update(threads)
      .set({ postCount: sql`${threads.postCount} + 1`, lastPostAt: sql`now()`, lastPosterId: viewer.id })
      .where(eq(threads.id, thread.id))
      .returning({ number: threads.postCount });
    const number = counter!.number;
    const [post] = await tx
      .insert(posts)
      .values({ threadId: thread.id, number, authorId: viewer.id, ...content })
      .returning({ id: posts.id });
    await tx
      .update(spaces)
      .set({ lastActivityAt: sql`now()` })
      .where(eq(spaces.id, thread.spaceId));
    await afterPosting(tx, viewer, thread.id, number);
    await recordAcknowledged(tx, viewer, identifying, { type: 'post', id: post!.id }, request?.ip);
    await enqueueJob('discussions.post', { postId: post!.id }, { tx });
    return { postId: post!.id, number };
  });
}

/** The viewer's own post (visible to them, not removed), locked for update. */
async function ownPost(tx: Tx, viewer: Viewer, postId: string) {
  if (!isUuid(postId)) throw new NotFoundError('post');
  const [post] = await tx
    .select({
      id: posts.id,
      threadId: posts.threadId,
      number: posts.number,
      body: posts.body,
      cooked: posts.cooked,
      createdAt: posts.createdAt,
      editedAt: posts.editedAt,
      hiddenAt: posts.hiddenAt,
      isLocked: threads.isLocked,
      archivedAt: spaces.archivedAt,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(spaces, eq(spaces.id, threads.spaceId))
    .where(and(eq(posts.id, postId), eq(posts.authorId, viewer.id), isNull(posts.deletedAt), threadAccess(viewer)))
    .limit(1)
    .for('update', { of: posts });
  if (!post) throw new NotFoundError('post');
  return post;
}

/** Edits the viewer's own post; the earlier version is kept (moderators can read it). */
export async function editPost(
  viewer: Viewer,
  postId: string,
  body: string,
  check: { identifyingChecked?: boolean; request?: RequestInfo } = {},
): Promise<{ threadId: string; number: number }> {
  const identifying = screenIdentifying(body, check.identifyingChecked);
  const content = await cook(body);
  return getDb().transaction(async (tx) => {
    const post = await ownPost(tx, viewer, postId);
    if (post.hiddenAt) throw new UserError('discussions.post.hiddenNoEdit');
    if (post.archivedAt) throw new UserError('discussions.space.archivedNotice');
    if (post.isLocked && !isModerator(viewer)) throw new UserError('discussions.thread.lockedNotice');
    if (post.body === body) return { threadId: post.threadId, number: post.number };
    await tx.insert(postRevisions).values({ postId: post.id, body: post.body, cooked: post.cooked, writtenAt: post.editedAt ?? post.createdAt });
    await tx
      .update(posts)
      .set({ ...content, editedAt: sql`now()` })
      .where(eq(posts.id, post.id));
    await recordAcknowledged(tx, viewer, identifying, { type: 'post', id: post.id }, check.request?.ip);
    // Newly mentioned people are notified (each person once per post).
    await enqueueJob('discussions.post', { postId: post.id, edit: true }, { tx });
    return { threadId: post.threadId, number: post.number };
  });
}

/** Removes the viewer's own post (soft: a "removed by the author" placeholder stays in its place). */
export async function deletePost(viewer: Viewer, postId: string, request: RequestInfo): Promise<{ threadId: string; number: number }> {
  return getDb().transaction(async (tx) => {
    const post = await ownPost(tx, viewer, postId);
    await tx
      .update(posts)
      .set({ deletedAt: sql`now()` })
      .where(eq(posts.id, post.id));
    await audit(
      { actorId: viewer.id, action: 'post.deleted', targetType: 'post', targetId: post.id, ip: request.ip, details: { threadId: post.threadId } },
      tx,
    );
    return { threadId: post.threadId, number: post.number };
  });
}
