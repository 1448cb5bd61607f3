'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { publicAction } from '@/lib/actions';
import { secureCookies } from '@/lib/auth/cookie';
import { updateOwnLocale } from '@/lib/dal/accounts/preferences';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { languageSchema } from '@/lib/validation/language';

/**
 * The language switcher (public header, member menu): a signed-in member's choice is saved in their
 * preferences; everyone's is kept in a cookie too, so the page they land on after signing out stays in it.
 * Setting a cookie makes Next.js render the page again, now in the chosen language.
 */
export const setLanguageAction = publicAction(languageSchema, { rateLimit: 'memberAction' }, async (input, { viewer }) => {
  if (viewer) await updateOwnLocale(viewer, input.locale);
  (await cookies()).set(LOCALE_COOKIE, input.locale, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
    httpOnly: true,
    secure: secureCookies(),
  });
  revalidatePath('/', 'layout');
});
