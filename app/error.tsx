'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';

/** Shown when a page fails to render: no stack trace, a way to retry. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-16">
      <h1 className="text-2xl font-bold text-brand-900">{t('errorTitle')}</h1>
      <p className="text-slate-700">{t('errorText')}</p>
      <Button onClick={reset}>{t('tryAgain')}</Button>
    </main>
  );
}
