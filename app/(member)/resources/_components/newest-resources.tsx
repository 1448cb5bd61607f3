import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import type { Viewer } from '@/lib/auth/viewer';
import { newestResources } from '@/lib/dal/resources/resources';
import { ResourceListEntry } from './resource-list';

/** The newest resources the viewer may see (the home page). */
export async function NewestResources({ viewer }: { viewer: Viewer }) {
  const t = await getTranslations('resources.home');
  const items = await newestResources(viewer, 5);
  return (
    <section aria-labelledby="newest-resources" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="newest-resources" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <Link href="/resources">{t('all')}</Link>
      </div>
      {items.length ? (
        <ul className="space-y-2">
          {items.map((item) => (
            <ResourceListEntry key={item.id} item={item} headingLevel="h3" />
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">{t('empty')}</p>
      )}
    </section>
  );
}
