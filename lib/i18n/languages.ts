import { LANGUAGES } from '@/lib/validation/profile';

/** Language names in the viewer's language (the platform's CLDR data; English where it has none). */
export function languageNamer(locale: string): (code: string) => string {
  const names = new Intl.DisplayNames([locale, 'en'], { type: 'language' });
  return (code) => names.of(code) ?? code;
}

/** The languages people and resources can name (LANGUAGES), as choices in the viewer's language, sorted by name. */
export function languageOptions(locale: string): { value: string; label: string }[] {
  const name = languageNamer(locale);
  return LANGUAGES.map((code) => ({ value: code, label: name(code) })).sort((a, b) => a.label.localeCompare(b.label, locale));
}

/** The same codes, space-separated: what a browser needs to name and sort them itself (app/_components/intl-choices.tsx). */
export const LANGUAGE_CODES = LANGUAGES.join(' ');
