import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/require';
import { topicOptions } from '@/lib/dal/resources/options';
import { getResource } from '@/lib/dal/resources/resources';
import { listReadableSpaces } from '@/lib/dal/discussions/spaces';
import { pageNotFound, visibleOr404 } from '@/lib/pages';
import { languageOptions } from '@/lib/i18n/languages';
import { EditResourceForm } from './edit-form';
import { Arrow } from '@/app/_components/ui/arrow';
import { isolated } from '@/app/_components/bidi';
import { localiseAreas } from '@/lib/i18n/expertise';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('resources.detail'))('edit') };
}

export default async function EditResourcePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const resource = await visibleOr404(getResource(viewer, (await params).id));
  if (!resource.canEdit) await pageNotFound('resource');
  const t = await getTranslations('resources');
  const [topics, spaces] = await Promise.all([topicOptions().then(localiseAreas), listReadableSpaces(viewer)]);
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-1">
        <Link href={`/resources/${resource.id}`} className="text-sm">
          <Arrow to="back" /> {t('form.cancel')}
        </Link>
        <h1 className="text-2xl font-bold break-words text-brand-900" dir="auto">
          {isolated(t, 'form.editTitle', { title: resource.title })}
        </h1>
      </div>
      <EditResourceForm
        resourceId={resource.id}
        url={resource.url}
        options={{ topics, languages: languageOptions(await getLocale()), spaces: spaces.filter((s) => !s.archived || s.id === resource.spaceId) }}
        values={{
          title: resource.title,
          description: resource.description,
          type: resource.type,
          topics: resource.topics,
          languages: resource.languages,
          year: resource.year ? String(resource.year) : '',
          visibility: resource.visibility,
          sectors: resource.sectors,
          spaceId: resource.spaceId ?? '',
          marking: { marking: resource.marking, organisations: resource.markingOrganisations, people: resource.markingPeople },
        }}
      />
    </div>
  );
}
