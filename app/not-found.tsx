import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-16">
      <h1 className="text-2xl font-bold text-brand-900">{t('pageNotFound')}</h1>
      <p className="text-slate-700">{t('pageNotFoundText')}</p>
      <Link href="/">{t('backHome')}</Link>
    </main>
  );
}
