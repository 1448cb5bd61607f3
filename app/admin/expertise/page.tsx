import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth/require';
import { listExpertiseAreas } from '@/lib/dal/directory/profiles';
import { AddExpertiseForm } from './forms';
import { PageHeader } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('directory.expertise'))('title') };
}

/** The controlled list of areas of expertise members pick from (admins extend it). */
export default async function ExpertisePage() {
  await requireAdmin();
  const t = await getTranslations('directory.expertise');
  const areas = await listExpertiseAreas();
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <ul aria-label={t('caption')} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {areas.map((a) => (
          <li key={a.slug} className="px-4 py-2">
            {a.label}
          </li>
        ))}
      </ul>
      <section aria-labelledby="add-area" className="space-y-3">
        <h2 id="add-area" className="text-lg font-semibold">
          {t('add')}
        </h2>
        <AddExpertiseForm />
      </section>
    </div>
  );
}
