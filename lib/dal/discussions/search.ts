/**
 * Access for discussion search: results come only from spaces the viewer sees — the WHERE clause
 * applies `threadAccess(viewer)` (./access.ts: the space's rule and the thread's TLP marking) — and never from removed or hidden posts.
 * Postgres full-text search: 'simple' configuration over immutable_unaccent (posts come in many
 * languages), GIN indexes on threads.search_vector and posts.search_vector, websearch_to_tsquery.
 * Snippets and titles are marked by headline() (lib/dal/highlight.ts) and become HTML through
 * highlightToHtml (lib/html.ts), which escapes before it adds <mark>: no markup from a post reaches a page.
 */
import 'server-only';
import { and, desc, eq, inArray, isNull, lte, not, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { getDb } from '@/db';
import { organisations, posts, spaces, threads, users, type TlpMarking } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import type { SearchFilters } from '@/lib/validation/discussions';
import { headline } from '@/lib/dal/highlight';
import { isUuid, keysetPage, type Page } from '@/lib/dal/pagination';
import { highlightToHtml, type HighlightHtml } from '@/lib/html';
import { personAccess } from '@/lib/dal/directory/access';
import { threadAccess } from './access';
import { chathamLabel, masked, maskedAuthorId, underChatham, type ChathamAuthor } from './chatham';

export interface DiscussionHit {
  postId: string;
  threadId: string;
  number: number;
  /** Under the Chatham House Rule (./chatham.ts): the viewer's own id on their posts, null on others'. */
  authorId: string | null;
  /** Safe HTML: escaped text with <mark> around matches. */
  titleHtml: HighlightHtml;
  snippetHtml: HighlightHtml;
  /** The thread's content language. */
  language: string;
  /** The thread's TLP marking (decision 030). */
  marking: TlpMarking;
  spaceName: string;
  /** Null under the Chatham House Rule, where `chathamAuthor` stands for the author. */
  authorName: string | null;
  chathamAuthor: ChathamAuthor | null;
  createdAt: Date;
  rank: number;
}

const key = z.tuple([z.number(), z.uuid()]);

/**
 * How many matches, newest first, a search ranks at most. Ranking reads every match's vector, so a
 * common word (thousands of posts) cost a full scan and sort; the newest matches taken from the two
 * GIN indexes are ranked instead (issue 17, decision 025). Finding them costs in proportion to this
 * number for a common word (the newest posts are read until enough match): 1,000 took 22 ms of
 * Postgres's time for a word in 13 % of 100,000 posts, 300 take 8.5 ms (decision 025, tenth pass).
 * When a search reaches it, the page says so and how to reach further back.
 */
export const SEARCH_CANDIDATES = 300;
/** Discussion results on one page of /search (Discourse and GitHub show 20–25): 20 keeps the page's HTML under 60 KB (issue 17). */
export const SEARCH_PAGE_SIZE = 20;

export interface DiscussionSearch extends Page<DiscussionHit> {
  /** More posts match than were ranked: only the newest SEARCH_CANDIDATES matches are among the results. */
  capped: boolean;
}

/** Thread titles and posts matching `q`, best first among the newest matches; filtered by space, author, the thread's language and date range. */
export async function searchDiscussions(
  viewer: Viewer,
  filters: SearchFilters,
  { candidates: cap = SEARCH_CANDIDATES }: { candidates?: number } = {},
): Promise<DiscussionSearch> {
  const q = filters.q?.trim();
  if (!q) return { items: [], next: null, previous: null, capped: false };
  const query = sql`websearch_to_tsquery('simple', immutable_unaccent(${q}))`;
  // simple_unaccent (migration 0009) unaccents the words of the text, so accented words are marked too.
  const headlineQuery = sql`websearch_to_tsquery('simple_unaccent', ${q})`;
  const titleMatch = sql`("posts"."number" = 1 and "threads"."search_vector" @@ ${query})`;
  const rank = sql<number>`(ts_rank("posts"."search_vector", ${query}) + case when ${titleMatch} then 2 * ts_rank("threads"."search_vector", ${query}) else 0 end)::real`;
  const options = 'MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "';
  const visible = and(
    isNull(posts.deletedAt),
    isNull(posts.hiddenAt),
    threadAccess(viewer),
    filters.space && isUuid(filters.space) ? eq(threads.spaceId, filters.space) : undefined,
    // Filtering by an author never finds their Chatham House posts (that would tell who wrote them), except for the author.
    filters.author && isUuid(filters.author)
      ? and(eq(posts.authorId, filters.author), filters.author === viewer.id ? undefined : not(underChatham()))
      : undefined,
    filters.language ? eq(threads.language, filters.language) : undefined,
    filters.from ? sql`"posts"."created_at" >= ${filters.from}::date` : undefined,
    filters.to ? sql`"posts"."created_at" < ${filters.to}::date + 1` : undefined,
  );
  const db = getDb();
  // Posts whose text matches, and first posts of threads whose title matches: each side from its own
  // index (an OR across the two kept Postgres off both), the viewer's rule applied before the cap.
  const newest = (match: SQL) =>
    db
      .select({ id: posts.id, n: sql<number>`row_number() over (order by "posts"."created_at" desc)`.as('n') })
      .from(posts)
      .innerJoin(threads, eq(threads.id, posts.threadId))
      .innerJoin(spaces, eq(spaces.id, threads.spaceId))
      .where(and(match, visible))
      .orderBy(desc(posts.createdAt))
      .limit(cap + 1);
  const matching = db.$with('matching').as(unionAll(newest(sql`"posts"."search_vector" @@ ${query}`), newest(titleMatch)));
  let capped = false;
  const page = await keysetPage({
    cursor: filters.cursor,
    size: SEARCH_PAGE_SIZE,
    key,
    fetch: async ({ key: k, backward }, limit) => {
      const seek = k ? sql`(${rank}, "posts"."id") ${sql.raw(backward ? '>' : '<')} (${k[0]}::real, ${k[1]}::uuid)` : undefined;
      const dir = sql.raw(backward ? 'asc' : 'desc');
      // The page is ranked and cut from the candidates first; only its rows are joined to their space,
      // author and organisation and given snippets.
      const best = db.$with('best').as(
        db
          .with(matching)
          .select({
            id: sql<string>`"posts"."id"`.as('best_id'),
            rank: rank.as('best_rank'),
            // Either side found more than the cap (one more is taken to tell): more posts match than are ranked.
            capped: sql<boolean>`(select max(${matching.n}) from ${matching}) > ${cap}`.as('best_capped'),
          })
          .from(posts)
          .innerJoin(threads, eq(threads.id, posts.threadId))
          .where(and(inArray(posts.id, db.select({ id: matching.id }).from(matching).where(lte(matching.n, cap))), seek))
          .orderBy(sql`2 ${dir}`, sql`1 ${dir}`)
          .limit(limit),
      );
      const rows = await db
        .with(best)
        .select({
          postId: posts.id,
          threadId: threads.id,
          number: posts.number,
          authorId: posts.authorId,
          title: headline(threads.title, headlineQuery, `${options}, HighlightAll=true`),
          snippet: headline(posts.plainText, headlineQuery, options),
          language: threads.language,
          marking: threads.marking,
          spaceName: spaces.name,
          authorName: users.name,
          chatham: underChatham(),
          sector: organisations.sector,
          country: organisations.country,
          createdAt: posts.createdAt,
          rank: best.rank,
          capped: best.capped,
        })
        .from(best)
        .innerJoin(posts, eq(posts.id, best.id))
        .innerJoin(threads, eq(threads.id, posts.threadId))
        .innerJoin(spaces, eq(spaces.id, threads.spaceId))
        .innerJoin(users, eq(users.id, posts.authorId))
        .innerJoin(organisations, eq(organisations.id, users.organisationId))
        .orderBy(sql`${best.rank} ${dir}`, sql`${best.id} ${dir}`);
      capped ||= rows[0]?.capped === true;
      return rows.map(({ title, snippet, chatham, sector, country, capped: _, ...row }) => ({
        ...row,
        authorId: maskedAuthorId(chatham, row.authorId, viewer.id),
        authorName: masked(chatham, row.authorName),
        chathamAuthor: chathamLabel(chatham, sector, country),
        titleHtml: highlightToHtml(title),
        snippetHtml: highlightToHtml(snippet),
      }));
    },
    keyOf: (row) => [row.rank, row.postId] as [number, string],
  });
  return { ...page, capped };
}

/** The name of the author a search is filtered by, when the viewer may see them in the directory (personAccess). */
export async function searchAuthorName(viewer: Viewer, userId: string): Promise<string | null> {
  if (!isUuid(userId)) return null;
  const [row] = await getDb()
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), personAccess(viewer)))
    .limit(1);
  return row?.name ?? null;
}
