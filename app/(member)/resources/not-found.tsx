import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** A resource that does not exist or that the viewer may not see, inside the member frame (which has the main landmark). */
export default async function ResourceNotFound() {
  const [tErrors, t] = await Promise.all([getTranslations('errors'), getTranslations('resources')]);
  return (
    <div className="mx-auto max-w-xl space-y-4 py-8">
      <h1 className="text-2xl font-bold text-brand-900">{tErrors('pageNotFound')}</h1>
      <p className="text-slate-700">{tErrors('pageNotFoundText')}</p>
      <Link href="/resources">{t('detail.back')}</Link>
    </div>
  );
}
