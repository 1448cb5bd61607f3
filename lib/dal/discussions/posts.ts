/**
 * Access for reading posts: every query joins the post's thread and space and applies
 * `spaceAccess(viewer)` (./access.ts). Hidden posts show their content to moderators only; removed
 * posts show to nobody; edit history is for moderators. Writing lives in posts-write.ts.
 */
import 'server-only';
import { and, asc, between, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations, postRevisions, posts, spaces, threads, users, type TlpMarking } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError } from '@/lib/errors';
import { POSTS_PER_PAGE } from '@/lib/validation/discussions';
import { isUuid } from '@/lib/dal/pagination';
import { containsText } from '@/lib/dal/matching';
import { spaceAccess, spaceAudience, threadAccess, threadAudience } from './access';
import { resourceCardsOf, type ResourceCard } from '@/lib/dal/resources/cards';
import { withCurrentMentionNames } from './mention-names';
import { chathamLabel, masked, maskedAuthorId, underChatham, type ChathamAuthor } from './chatham';
import { isModerator } from '@/lib/dal/roles';
import { personAccess } from '@/lib/dal/directory/access';

export interface PostView {
  id: string;
  number: number;
  /** Under the Chatham House Rule (./chatham.ts): the viewer's own id on their posts, null on others'. */
  authorId: string | null;
  /** Null under the Chatham House Rule (for everyone: the author sees "You"). */
  authorName: string | null;
  authorOrganisation: string | null;
  /** Under the Chatham House Rule: the sector and region that stand for the author; null outside it. */
  chathamAuthor: ChathamAuthor | null;
  /** The author's organisation is no longer a member (deactivated): shown as a former member organisation. */
  authorFormerMember: boolean;
  /** Sanitized HTML (cooked when written); null when removed, or hidden and the viewer is not a moderator. */
  cooked: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  hidden: boolean;
  hiddenReason: string | null;
  isOwn: boolean;
  /** Cards for the resources it links to that the viewer may see (lib/dal/resources/cards.ts); listPosts only. */
  resourceCards?: ResourceCard[];
}

export const pageOfPost = (number: number) => Math.max(1, Math.ceil(number / POSTS_PER_PAGE));

/** One page (30) of a thread's posts, by number: served by the (thread_id, number) index. */
export async function listPosts(viewer: Viewer, threadId: string, page: number): Promise<PostView[]> {
  if (!isUuid(threadId)) throw new NotFoundError('thread');
  const first = (Math.max(1, page) - 1) * POSTS_PER_PAGE + 1;
  const rows = await getDb()
    .select({
      id: posts.id,
      number: posts.number,
      authorId: posts.authorId,
      authorName: users.name,
      authorOrganisation: organisations.name,
      authorFormerMember: sql<boolean>`${organisations.status} = 'inactive'`,
      chatham: underChatham(),
      sector: organisations.sector,
      country: organisations.country,
      cooked: posts.cooked,
      createdAt: posts.createdAt,
      editedAt: posts.editedAt,
      deletedAt: posts.deletedAt,
      hiddenAt: posts.hiddenAt,
      hiddenReason: posts.hiddenReason,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(spaces, eq(spaces.id, threads.spaceId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(posts.threadId, threadId), between(posts.number, first, first + POSTS_PER_PAGE - 1), threadAccess(viewer)))
    .orderBy(asc(posts.number));
  const moderator = isModerator(viewer);
  const views = rows.map(({ deletedAt, hiddenAt, cooked, hiddenReason, chatham, sector, country, ...row }) => {
    const deleted = deletedAt !== null;
    const hidden = hiddenAt !== null;
    const isOwn = row.authorId === viewer.id;
    return {
      ...row,
      authorId: maskedAuthorId(chatham, row.authorId, viewer.id),
      authorName: masked(chatham, row.authorName),
      authorOrganisation: masked(chatham, row.authorOrganisation),
      authorFormerMember: chatham ? false : row.authorFormerMember,
      chathamAuthor: chathamLabel(chatham, sector, country),
      deleted,
      hidden,
      isOwn,
      hiddenReason: hidden && (moderator || isOwn) ? hiddenReason : null,
      cooked: deleted || (hidden && !moderator) ? null : cooked,
    };
  });
  const [renamed, cards] = await Promise.all([withCurrentMentionNames(viewer, views), resourceCardsOf(viewer, views)]);
  return renamed.map((post) => ({ ...post, resourceCards: cards.get(post.id) ?? [] }));
}

/** A post's markdown source: for its author (editing) or for quoting; only when it is visible to the viewer. */
export async function getPostSource(
  viewer: Viewer,
  postId: string,
): Promise<{
  id: string;
  threadId: string;
  marking: TlpMarking;
  number: number;
  /** Null under the Chatham House Rule, where `chathamAuthor` stands for the author (a quote names no one). */
  authorName: string | null;
  chathamAuthor: ChathamAuthor | null;
  body: string;
  isOwn: boolean;
  editedAt: Date | null;
}> {
  if (!isUuid(postId)) throw new NotFoundError('post');
  const [row] = await getDb()
    .select({
      id: posts.id,
      threadId: posts.threadId,
      marking: threads.marking,
      number: posts.number,
      authorId: posts.authorId,
      authorName: users.name,
      chatham: underChatham(),
      sector: organisations.sector,
      country: organisations.country,
      body: posts.body,
      hiddenAt: posts.hiddenAt,
      deletedAt: posts.deletedAt,
      editedAt: posts.editedAt,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(spaces, eq(spaces.id, threads.spaceId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(posts.id, postId), threadAccess(viewer)))
    .limit(1);
  if (!row || row.deletedAt || (row.hiddenAt && !isModerator(viewer))) throw new NotFoundError('post');
  return {
    id: row.id,
    threadId: row.threadId,
    marking: row.marking,
    number: row.number,
    authorName: masked(row.chatham, row.authorName),
    chathamAuthor: chathamLabel(row.chatham, row.sector, row.country),
    body: row.body,
    isOwn: row.authorId === viewer.id,
    editedAt: row.editedAt,
  };
}

export interface RevisionView {
  id: number;
  cooked: string;
  writtenAt: Date;
  replacedAt: Date;
}

/** Earlier versions of a post: moderators only. */
export async function listRevisions(viewer: Viewer, postId: string): Promise<RevisionView[]> {
  if (!isModerator(viewer) || !isUuid(postId)) throw new NotFoundError('post');
  const revisions = await getDb()
    .select({ id: postRevisions.id, cooked: postRevisions.cooked, writtenAt: postRevisions.writtenAt, replacedAt: postRevisions.replacedAt })
    .from(postRevisions)
    .where(eq(postRevisions.postId, postId))
    .orderBy(asc(postRevisions.id))
    .limit(100);
  return withCurrentMentionNames(viewer, revisions);
}

export interface MentionCandidate {
  id: string;
  name: string;
  organisationName: string;
}

/**
 * People the viewer may mention in a space: active members who see that space (the same rule, applied
 * to them), whose name contains `q`. The viewer must see the space too. In a thread (`threadId`, a reply
 * or an edit), people who see the thread: `threadAudience`, the rule the fan-out applies, so its TLP marking
 * (AMBER: the chosen organisations; AMBER+STRICT: the author's; RED: the named people) narrows the list. By
 * audience, never by participation: under the Chatham House Rule it tells nobody who took part (decision 031).
 */
export async function mentionCandidates(viewer: Viewer, spaceId: string, q: string, threadId?: string): Promise<MentionCandidate[]> {
  if (!isUuid(spaceId)) throw new NotFoundError('space');
  if (threadId !== undefined) {
    if (!isUuid(threadId)) throw new NotFoundError('thread');
    const [thread] = await getDb()
      .select({ id: threads.id })
      .from(threads)
      .innerJoin(spaces, eq(spaces.id, threads.spaceId))
      .where(and(eq(threads.id, threadId), eq(threads.spaceId, spaceId), threadAccess(viewer)))
      .limit(1);
    if (!thread) throw new NotFoundError('thread');
  } else {
    const [space] = await getDb()
      .select({ id: spaces.id })
      .from(spaces)
      .where(and(eq(spaces.id, spaceId), spaceAccess(viewer)))
      .limit(1);
    if (!space) throw new NotFoundError('space');
  }
  return getDb()
    .select({ id: users.id, name: users.name, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .innerJoin(spaces, eq(spaces.id, spaceId))
    .where(
      and(
        containsText(users.name, q),
        threadId === undefined ? spaceAudience() : threadAudience(sql`${threadId}::uuid`),
        // People who chose not to be listed are not offered (the directory's rule: lib/dal/directory/access.ts).
        personAccess(viewer),
        sql`"users"."id" <> ${viewer.id}::uuid`,
      ),
    )
    .orderBy(asc(users.name))
    .limit(8);
}
