import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/app/_components/ui/button';

export default async function LandingPage() {
  const t = await getTranslations('landing');
  return (
    <div className="space-y-10">
      <section className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-bold tracking-tight text-brand-900 sm:text-4xl">{t('title')}</h1>
        <p className="text-lg text-slate-700">{t('lead')}</p>
        <p className="text-slate-600">{t('stats')}</p>
        <div className="flex flex-wrap gap-3 pt-2">
          <Link href="/sign-in" className={buttonClass('primary')}>
            {t('signIn')}
          </Link>
          <Link href="/register" className={buttonClass('secondary')}>
            {t('register')}
          </Link>
        </div>
      </section>
      <section aria-labelledby="what" className="space-y-4">
        <h2 id="what" className="text-xl font-semibold">
          {t('what')}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          {(['discuss', 'network', 'contribute'] as const).map((key) => (
            <li key={key} className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">
              {t(key)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="who" className="max-w-3xl space-y-3">
        <h2 id="who" className="text-xl font-semibold">
          {t('who')}
        </h2>
        <p className="text-slate-700">{t('whoText')}</p>
        <p>
          <Link href="/guidelines">{t('readGuidelines')}</Link>
        </p>
      </section>
    </div>
  );
}
