import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** "Not found" inside the member frame (which already has the page's main landmark). */
export async function MemberNotFound() {
  const t = await getTranslations('errors');
  return (
    <div className="mx-auto max-w-xl space-y-4 py-8">
      <h1 className="text-2xl font-bold text-brand-900">{t('pageNotFound')}</h1>
      <p className="text-slate-700">{t('pageNotFoundText')}</p>
      <Link href="/directory">{(await getTranslations('directory'))('title')}</Link>
    </div>
  );
}
