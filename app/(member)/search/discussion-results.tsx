import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { LanguageLabel } from '@/app/_components/language-label';
import { Pager } from '@/app/_components/list-controls';
import type { Viewer } from '@/lib/auth/viewer';
import { pageOfPost } from '@/lib/dal/discussions/posts';
import { SEARCH_CANDIDATES, searchDiscussions } from '@/lib/dal/discussions/search';
import type { SearchFilters } from '@/lib/validation/discussions';
import { isolatedParts } from '@/app/_components/bidi';
import { authorNames } from '@/app/_components/chatham';
import { DiscussionHit } from './discussion-hit';

/** The filters a search result link keeps. */
const listParams = (filters: SearchFilters) => ({
  q: filters.q,
  space: filters.space,
  author: filters.author,
  language: filters.language,
  from: filters.from,
  to: filters.to,
});

const query = (filters: SearchFilters, over: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries({ ...listParams(filters), ...over }).filter((e): e is [string, string] => !!e[1])).toString();

/**
 * The discussions section of /search: ranked threads and posts with highlighted snippets (safe HTML),
 * each worded here and drawn by the client component DiscussionHit from a few values (issue 17).
 */
export async function DiscussionResults({ viewer, filters }: { viewer: Viewer; filters: SearchFilters }) {
  const page = await searchDiscussions(viewer, filters);
  const [t, format, locale, authorName] = await Promise.all([getTranslations(), getFormatter(), getLocale(), authorNames()]);
  return (
    <section id="results-discussions" aria-labelledby="results-discussions-heading" className="space-y-3">
      <h2 id="results-discussions-heading" className="text-lg font-semibold">
        {t('discussions.search.results')}
      </h2>
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t('discussions.search.none')}</p>
      ) : null}
      {page.capped ? <p className="text-sm text-slate-700">{t('discussions.search.capped', { count: SEARCH_CANDIDATES })}</p> : null}
      <ol className="space-y-3">
        {page.items.map((hit) => (
          <DiscussionHit
            key={hit.postId}
            hit={{
              href: `/threads/${hit.threadId}?page=${pageOfPost(hit.number)}#post-${hit.number}`,
              language: hit.language,
              titleHtml: hit.titleHtml,
              snippetHtml: hit.snippetHtml,
              marking: hit.marking,
              meta: isolatedParts(t, 'discussions.search.hitMeta', {
                space: hit.spaceName,
                name: authorName({ ...hit, isOwn: hit.authorId !== null }),
                when: format.dateTime(hit.createdAt, { dateStyle: 'medium' }),
              }),
              post: hit.number > 1 ? t('discussions.search.post', { number: hit.number }) : null,
              // Under the Chatham House Rule there is no name, so no link that would carry the author's id.
              byAuthor:
                filters.author || !hit.authorName
                  ? null
                  : {
                      href: `/search?${query(filters, { author: hit.authorId ?? undefined, cursor: undefined })}`,
                      label: t('discussions.search.byAuthor'),
                    },
            }}
            languageLabel={hit.language !== locale ? <LanguageLabel language={hit.language} /> : undefined}
          />
        ))}
      </ol>
      {page ? <Pager path="/search" params={listParams(filters)} previous={page.previous} next={page.next} /> : null}
    </section>
  );
}
