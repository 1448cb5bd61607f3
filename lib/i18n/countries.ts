import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { DEFAULT_LOCALE } from './locales';

countries.registerLocale(en);

/** Country names in the viewer's language (from a maintained library), sorted for that language. */
export function countryOptions(locale: string): { code: string; name: string }[] {
  const names = countries.getNames(locale, { select: 'official' });
  const list = Object.keys(names).length ? names : countries.getNames(DEFAULT_LOCALE, { select: 'official' });
  return Object.entries(list)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

export function countryName(code: string | null | undefined, locale: string): string | null {
  if (!code) return null;
  return countries.getName(code, locale) ?? countries.getName(code, DEFAULT_LOCALE) ?? code;
}
