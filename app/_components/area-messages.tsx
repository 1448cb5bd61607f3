import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { supportedLocale } from '@/lib/i18n/locales';
import { clientMessagesFor, type ClientArea } from '@/lib/i18n/messages';

/**
 * The messages the client components of one area of the app translate (public pages, member pages, the
 * console), in the viewer's language only, on top of those every page needs (lib/i18n/messages.ts).
 */
export async function AreaMessages({ area, children }: { area?: ClientArea; children: ReactNode }) {
  return <NextIntlClientProvider messages={clientMessagesFor(supportedLocale(await getLocale()), area)}>{children}</NextIntlClientProvider>;
}
