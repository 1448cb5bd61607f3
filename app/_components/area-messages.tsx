import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { supportedLocale } from '@/lib/i18n/locales';
import { clientMessagesFor, type ClientArea } from '@/lib/i18n/messages';

/**
 * The messages the client components of one area of the app translate (public pages, member pages, the
 * console), in the viewer's language only, on top of those every page needs (lib/i18n/messages.ts).
 * An area with no words of its own gets no provider of its own: the root layout's already hands over
 * the very same words (one provider less to render on every member page).
 */
export async function AreaMessages({ area, children }: { area?: ClientArea; children: ReactNode }) {
  const locale = supportedLocale(await getLocale());
  const messages = clientMessagesFor(locale, area);
  if (area && messages === clientMessagesFor(locale)) return children;
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
