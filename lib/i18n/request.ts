import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { LOCALE_COOKIE, negotiateLocale } from './locales';
import { messagesFor } from './messages';

/** The viewer's own locale and time zone when signed in; otherwise the visitor's cookie or the browser's language. */
export default getRequestConfig(async () => {
  const viewer = await getViewer();
  const locale = negotiateLocale({
    member: viewer?.locale,
    cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
    acceptLanguage: (await headers()).get('accept-language'),
  });
  return {
    locale,
    messages: messagesFor(locale),
    timeZone: viewer?.timeZone ?? 'UTC',
    now: new Date(),
  };
});
