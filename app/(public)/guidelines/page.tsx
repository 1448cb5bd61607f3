import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { currentGuidelines } from '@/lib/dal/guidelines/guidelines';
import { GuidelinesText } from './guidelines-text';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('guidelines'))('title') };
}

/** The community guidelines in force: the newest version the Secretariat published (decision 019). */
export default async function GuidelinesPage() {
  const t = await getTranslations('guidelines');
  const current = await currentGuidelines();
  return (
    <article className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
      {current ? <GuidelinesText version={current} /> : null}
    </article>
  );
}
