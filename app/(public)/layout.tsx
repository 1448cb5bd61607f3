import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AreaMessages } from '@/app/_components/area-messages';
import { LanguageSwitcher } from '@/app/_components/language-switcher';
import { SiteFooter } from '@/app/_components/site-footer';
import { SkipLink } from '@/app/_components/skip-link';
import { buttonClass } from '@/app/_components/ui/button';
import { localeNames } from '@/lib/i18n/locales';

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  return (
    <AreaMessages area="public">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3">
          <Link href="/" className="me-auto text-lg font-semibold text-brand-900 no-underline">
            {t('common.appName')}
          </Link>
          {/* Phones: the name and the language on the first row, signing in and applying on the second. */}
          <LanguageSwitcher languages={localeNames()} />
          <nav aria-label={t('nav.main')} className="flex items-center gap-2">
            <Link href="/sign-in" className={buttonClass('ghost')}>
              {t('nav.signIn')}
            </Link>
            <Link href="/register" className={buttonClass('primary')}>
              {t('nav.register')}
            </Link>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-10">
        {children}
      </main>
      <SiteFooter />
    </AreaMessages>
  );
}
