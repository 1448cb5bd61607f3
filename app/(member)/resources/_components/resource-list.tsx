import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { buttonClass } from '@/app/_components/ui/button';
import { hrefWith } from '@/app/_components/list-controls';
import type { ResourceListItem } from '@/lib/dal/resources';

/** One resource in a list: title, type, organisation, date, downloads and, when searching, the words found. */
export async function ResourceListEntry({ item, headingLevel = 'h2' }: { item: ResourceListItem; headingLevel?: 'h2' | 'h3' }) {
  const t = await getTranslations('resources');
  const format = await getFormatter();
  const Heading = headingLevel;
  return (
    <li className="space-y-1 rounded-lg border border-slate-200 bg-white p-4">
      <Heading className="font-semibold">
        <Link href={`/resources/${item.id}`} dir="auto">
          {item.title}
        </Link>
      </Heading>
      <p className="text-sm text-slate-700">
        <span className="font-medium">{t(`types.${item.type}`)}</span>
        {item.isLink ? <> · {t('list.link')}</> : null}
        {' · '}
        <span dir="auto">{t('list.by', { organisation: item.organisationName, date: format.dateTime(item.createdAt, { dateStyle: 'medium' }) })}</span>
        {item.year ? <> · {item.year}</> : null}
        {!item.isLink ? <> · {t('list.downloads', { count: item.downloadCount })}</> : null}
      </p>
      {item.snippet ? (
        // Escaped by the database before the <mark> tags were added (lib/dal/resources.ts, snippet()).
        <p className="text-sm text-slate-700 [&_mark]:bg-amber-100" dir="auto" dangerouslySetInnerHTML={{ __html: `… ${item.snippet} …` }} />
      ) : null}
    </li>
  );
}

const stringParams = (params: Record<string, string | number | undefined>) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));

/** Previous and Next links of a keyset list, keeping the filters. */
export async function ResourcePager({ path, params, previous, next, cursorParam = 'cursor' }: {
  path: string;
  params: Record<string, string | number | undefined>;
  previous: string | null;
  next: string | null;
  cursorParam?: string;
}) {
  if (!previous && !next) return null;
  const t = await getTranslations('resources.list');
  return (
    <nav aria-label={t('pagination')} className="flex items-center justify-between gap-4">
      {previous ? (
        <Link href={hrefWith(path, { ...stringParams(params), [cursorParam]: previous })} rel="prev" className={buttonClass('secondary')}>
          <span aria-hidden>←</span> {t('previous')}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={hrefWith(path, { ...stringParams(params), [cursorParam]: next })} rel="next" className={buttonClass('secondary')}>
          {t('next')} <span aria-hidden>→</span>
        </Link>
      ) : null}
    </nav>
  );
}
