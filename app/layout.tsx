import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AreaMessages } from '@/app/_components/area-messages';
import { RequestIdProvider } from '@/app/_components/error-panel';
import { directionOf, supportedLocale } from '@/lib/i18n/locales';
import { REQUEST_ID_HEADER } from '@/lib/request-id';
import './globals.css';

const inter = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  variable: '--font-inter',
  display: 'swap',
});
const arabic = localFont({
  src: [
    { path: '../node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2', weight: '400' },
    { path: '../node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-600-normal.woff2', weight: '600' },
  ],
  variable: '--font-arabic',
  display: 'swap',
  preload: false,
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return {
    title: { default: t('appName'), template: `%s · ${t('appName')}` },
    description: t('tagline'),
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = supportedLocale(await getLocale());
  const requestId = (await headers()).get(REQUEST_ID_HEADER);
  return (
    <html lang={locale} dir={directionOf(locale)} className={`${inter.variable} ${arabic.variable}`}>
      <body className="min-h-screen font-sans">
        {/* Only the viewer's language, and only what client components translate: each layout adds its area's. */}
        <AreaMessages>
          <RequestIdProvider id={requestId}>{children}</RequestIdProvider>
        </AreaMessages>
      </body>
    </html>
  );
}
