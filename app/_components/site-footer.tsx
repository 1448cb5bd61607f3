import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';

export async function SiteFooter() {
  const t = await getTranslations('common');
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between">
        <p>{t('footer.privacy')}</p>
        <div className="flex flex-wrap gap-4">
          <Link href="/publications">{t('footer.publications')}</Link>
          <Link href="/guidelines">{t('footer.guidelines')}</Link>
        </div>
      </div>
    </footer>
  );
}
