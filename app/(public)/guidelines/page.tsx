import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('guidelines'))('title') };
}

const RULES = ['identify', 'explicit', 'consent', 'soliciting'] as const;

export default async function GuidelinesPage() {
  const t = await getTranslations('guidelines');
  return (
    <article className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
      <p className="text-lg text-slate-700">{t('intro')}</p>
      <ol className="space-y-4">
        {RULES.map((rule, i) => (
          <li key={rule} className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="font-semibold">
              {i + 1}. {t(`rules.${rule}.title`)}
            </h2>
            <p className="mt-1 text-slate-700">{t(`rules.${rule}.text`)}</p>
          </li>
        ))}
      </ol>
      <p className="text-slate-700">{t('moderation')}</p>
      <p className="text-slate-700">{t('language')}</p>
    </article>
  );
}
