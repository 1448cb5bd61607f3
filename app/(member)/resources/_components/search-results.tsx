import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import type { Viewer } from '@/lib/auth/viewer';
import type { Language } from '@/lib/validation/profile';
import { countResources, listResources } from '@/lib/dal/resources/resources';
import { ResourceListEntry } from './resource-list';

/** The resources section of /search: the first matches (title, description, PDF text) in the chosen language, and a link to all of them. */
export async function ResourceResults({ viewer, filters }: { viewer: Viewer; filters: { q?: string; language?: Language } }) {
  const t = await getTranslations('resources.search');
  const q = filters.q?.slice(0, 200);
  const { language } = filters;
  const [page, total] = await Promise.all([listResources(viewer, { q, language }, 5), countResources(viewer, { q, language })]);
  return (
    <section id="results-resources" aria-labelledby="results-resources-heading" className="space-y-3">
      <h2 id="results-resources-heading" className="text-lg font-semibold">
        {t('results')}
      </h2>
      {page.items.length ? (
        <>
          <ol className="space-y-3">
            {page.items.map((item) => (
              <ResourceListEntry key={item.id} item={item} headingLevel="h3" />
            ))}
          </ol>
          {page.next ? (
            <Link href={`/resources?${new URLSearchParams({ q: q ?? '', ...(language ? { language } : {}) }).toString()}`}>
              {total.capped ? t('allCapped', { count: total.count }) : t('all', { count: total.count })}
            </Link>
          ) : null}
        </>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t('none')}</p>
      )}
    </section>
  );
}
