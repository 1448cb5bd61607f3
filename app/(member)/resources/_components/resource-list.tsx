import { getFormatter, getTranslations } from 'next-intl/server';
import type { ResourceListItem } from '@/lib/dal/resources/resources';
import { isolatedParts } from '@/app/_components/bidi';
import { ResourceEntry } from './resource-entry';

/** One resource in a list, worded here and drawn by the client component ResourceEntry from a few values (issue 17). */
export async function ResourceListEntry({ item, headingLevel = 'h2' }: { item: ResourceListItem; headingLevel?: 'h2' | 'h3' }) {
  const [t, format] = await Promise.all([getTranslations('resources'), getFormatter()]);
  return (
    <ResourceEntry
      headingLevel={headingLevel}
      item={{
        id: item.id,
        title: item.title,
        marking: item.marking,
        type: t(`types.${item.type}`),
        link: item.isLink ? t('list.link') : null,
        by: isolatedParts(t, 'list.by', { organisation: item.organisationName, date: format.dateTime(item.createdAt, { dateStyle: 'medium' }) }),
        year: item.year,
        downloads: item.isLink ? null : t('list.downloads', { count: item.downloadCount }),
        snippet: item.snippet,
      }}
    />
  );
}
