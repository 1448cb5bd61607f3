import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/require';
import { organisationOptions, topicOptions } from '@/lib/dal/resources/options';
import { listReadableSpaces } from '@/lib/dal/discussions/spaces';
import { maxUploadBytes } from '@/lib/uploads/receive';
import { ACCEPT_ATTRIBUTE } from '@/lib/uploads/types';
import { languageOptions } from '@/lib/i18n/languages';
import { ContributeForm } from './contribute-form';
import { isAdmin } from '@/lib/dal/roles';
import { localiseAreas } from '@/lib/i18n/expertise';
import { PageHeader } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('resources.form'))('newTitle') };
}

export default async function NewResourcePage() {
  const viewer = await requireViewer();
  const t = await getTranslations('resources.form');
  const [topics, organisations, spaces] = await Promise.all([
    topicOptions().then(localiseAreas),
    isAdmin(viewer) ? organisationOptions() : null,
    listReadableSpaces(viewer),
  ]);
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={t('newTitle')} intro={t('newIntro')} wide />
      <ContributeForm
        options={{ topics, languages: languageOptions(await getLocale()), spaces: spaces.filter((s) => !s.archived) }}
        maxMb={Math.round(maxUploadBytes() / 1024 / 1024)}
        accept={ACCEPT_ATTRIBUTE}
        organisations={organisations}
        ownOrganisationId={viewer.organisationId}
      />
    </div>
  );
}
