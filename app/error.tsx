'use client';

import { useTranslations } from 'next-intl';
import { ErrorPanel, useRequestId } from '@/app/_components/error-panel';
import { Button } from '@/app/_components/ui/button';

/** Shown when a page fails to render: no stack trace, a reference to quote, a way to retry. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <ErrorPanel requestId={useRequestId()} digest={error.digest}>
      <Button onClick={reset}>{t('tryAgain')}</Button>
    </ErrorPanel>
  );
}
