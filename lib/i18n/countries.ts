import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import { DEFAULT_LOCALE } from './locales';
export { flagOf } from './flags';

// Country names in each language the interface speaks (LOCALES).
for (const data of [en, fr, es, pt, ar]) countries.registerLocale(data);

/** Country names in the viewer's language (from a maintained library), sorted for that language. */
export function countryOptions(locale: string): { code: string; name: string }[] {
  const names = countries.getNames(locale, { select: 'official' });
  const list = Object.keys(names).length ? names : countries.getNames(DEFAULT_LOCALE, { select: 'official' });
  return Object.entries(list)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** Every country code, space-separated: what a browser needs to name and sort them itself (CountryChoices). */
export const COUNTRY_CODES = Object.keys(countries.getAlpha2Codes()).join(' ');

export function countryName(code: string | null | undefined, locale: string): string | null {
  if (!code) return null;
  return countries.getName(code, locale) ?? countries.getName(code, DEFAULT_LOCALE) ?? code;
}
