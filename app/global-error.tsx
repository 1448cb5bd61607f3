'use client';

import { NextIntlClientProvider, useTranslations } from 'next-intl';
import { ErrorPanel } from '@/app/_components/error-panel';
import errors from '@/messages/en/errors.json';
import './globals.css';

function BackHome() {
  const t = useTranslations('errors');
  // A full page load on purpose: the layout this page replaced has to render anew.
  // eslint-disable-next-line @next/next/no-html-link-for-pages
  return <a href="/">{t('backHome')}</a>;
}

/**
 * Shown when even the root layout fails (the database is unreachable, say): it replaces the whole
 * document, so it brings its own messages (English, the default locale) and shows the error's digest,
 * which the server logged beside the request id (instrumentation.ts).
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en" dir="ltr">
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider locale="en" messages={{ errors }} timeZone="UTC">
          <ErrorPanel requestId={null} digest={error.digest}>
            <BackHome />
          </ErrorPanel>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
