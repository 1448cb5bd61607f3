import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Highlighted } from '@/app/_components/cooked';
import { LanguageLabel } from '@/app/_components/language-label';
import { TlpLabel } from '@/app/_components/tlp-label';
import { Pager } from '@/app/_components/list-controls';
import type { Viewer } from '@/lib/auth/viewer';
import { pageOfPost } from '@/lib/dal/discussions/posts';
import { searchDiscussions } from '@/lib/dal/discussions/search';
import type { SearchFilters } from '@/lib/validation/discussions';
import { isolated } from '@/app/_components/bidi';
import { authorNames } from '@/app/_components/chatham';

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

/** The discussions section of /search: ranked threads and posts with highlighted snippets (safe HTML). */
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
      <ol className="space-y-3">
        {page.items.map((hit) => (
          <li key={hit.postId} className="card space-y-1">
            <h3 className="flex flex-wrap items-center gap-2 font-semibold">
              <Link href={`/threads/${hit.threadId}?page=${pageOfPost(hit.number)}#post-${hit.number}`} dir="auto" lang={hit.language}>
                <Highlighted html={hit.titleHtml} />
              </Link>
              <TlpLabel marking={hit.marking} />
              {hit.language !== locale ? <LanguageLabel language={hit.language} /> : null}
            </h3>
            <p className="text-sm text-slate-700" dir="auto">
              <Highlighted html={hit.snippetHtml} />
            </p>
            <p className="text-xs text-slate-600">
              {isolated(t, 'discussions.search.hitMeta', {
                space: hit.spaceName,
                name: authorName({ ...hit, isOwn: hit.authorId !== null }),
                when: format.dateTime(hit.createdAt, { dateStyle: 'medium' }),
              })}
              {hit.number > 1 ? ` · ${t('discussions.search.post', { number: hit.number })}` : null}
              {filters.author || !hit.authorName ? null : (
                <>
                  {' · '}
                  <Link href={`/search?${query(filters, { author: hit.authorId ?? undefined, cursor: undefined })}`}>
                    {t('discussions.search.byAuthor')}
                  </Link>
                </>
              )}
            </p>
          </li>
        ))}
      </ol>
      {page ? <Pager path="/search" params={listParams(filters)} previous={page.previous} next={page.next} /> : null}
    </section>
  );
}
