import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage } from './locales';
import { messagesFor } from './messages';

/** The viewer's own locale and time zone when signed in; otherwise the browser's language. */
export default getRequestConfig(async () => {
  const viewer = await getViewer();
  let locale = viewer && isLocale(viewer.locale) ? viewer.locale : undefined;
  if (!locale) {
    const fromCookie = (await cookies()).get('locale')?.value;
    locale = isLocale(fromCookie) ? fromCookie : localeFromAcceptLanguage((await headers()).get('accept-language'));
  }
  return {
    locale: locale ?? DEFAULT_LOCALE,
    messages: messagesFor(locale ?? DEFAULT_LOCALE),
    timeZone: viewer?.timeZone ?? 'UTC',
    now: new Date(),
  };
});
