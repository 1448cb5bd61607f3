import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import type { Viewer } from '@/lib/auth/viewer';
import { countResources, listResources } from '@/lib/dal/resources/resources';
import { ResourceListEntry } from './resource-list';
import { isolated } from '@/app/_components/bidi';

/** The resources an organisation shared that the viewer may see (a section of its profile page). */
export async function OrganisationResources({ viewer, organisation }: { viewer: Viewer; organisation: { id: string; name: string } }) {
  const [page, total] = await Promise.all([
    listResources(viewer, { organisation: organisation.id }, 5),
    countResources(viewer, { organisation: organisation.id }),
  ]);
  if (!page.items.length) return null;
  const t = await getTranslations('resources.organisation');
  return (
    <section aria-labelledby="organisation-resources" className="space-y-3">
      <h2 id="organisation-resources" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <ul className="space-y-2">
        {page.items.map((item) => (
          <ResourceListEntry key={item.id} item={item} headingLevel="h3" />
        ))}
      </ul>
      {page.next ? (
        <Link href={`/resources?organisation=${organisation.id}`}>
          {total.capped ? t('allCapped', { count: total.count }) : isolated(t, 'all', { count: total.count, name: organisation.name })}
        </Link>
      ) : null}
    </section>
  );
}
