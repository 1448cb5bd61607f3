/** Language names in the viewer's language (from the platform's CLDR data). */
export function languageNamer(locale: string): (code: string) => string {
  const names = new Intl.DisplayNames([locale, 'en'], { type: 'language' });
  return (code) => names.of(code) ?? code;
}

/** A country's flag (regional indicator symbols; shown as letters where a platform has no flag emoji). */
export function flagOf(code: string | null | undefined): string {
  if (!code || !/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}
