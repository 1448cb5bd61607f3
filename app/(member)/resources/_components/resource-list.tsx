import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SearchSnippet } from '@/app/_components/cooked';
import type { ResourceListItem } from '@/lib/dal/resources/resources';
import { isolated } from '@/app/_components/bidi';
import { TlpLabel } from '@/app/_components/tlp-label';

/** One resource in a list: title, TLP label, type, organisation, date, downloads and, when searching, the words found. */
export async function ResourceListEntry({ item, headingLevel = 'h2' }: { item: ResourceListItem; headingLevel?: 'h2' | 'h3' }) {
  const t = await getTranslations('resources');
  const format = await getFormatter();
  const Heading = headingLevel;
  return (
    <li className="card space-y-1">
      <Heading className="flex flex-wrap items-center gap-2 font-semibold">
        <Link href={`/resources/${item.id}`} dir="auto">
          {item.title}
        </Link>
        <TlpLabel marking={item.marking} />
      </Heading>
      <p className="text-sm text-slate-700">
        <span className="font-medium">{t(`types.${item.type}`)}</span>
        {item.isLink ? <> · {t('list.link')}</> : null}
        {' · '}
        <span>{isolated(t, 'list.by', { organisation: item.organisationName, date: format.dateTime(item.createdAt, { dateStyle: 'medium' }) })}</span>
        {item.year ? <> · {item.year}</> : null}
        {!item.isLink ? <> · {t('list.downloads', { count: item.downloadCount })}</> : null}
      </p>
      {item.snippet ? <SearchSnippet html={item.snippet} /> : null}
    </li>
  );
}
