/** Locales the interface is translated into (ar is right-to-left). */
export const LOCALES = ['en', 'fr', 'es', 'pt', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
/** The cookie that keeps an anonymous visitor's choice of language (members keep theirs in their row). */
export const LOCALE_COOKIE = 'pp.locale';
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL.has(locale.split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

/**
 * The best supported locale for an Accept-Language header: languages in order of their q-values (the
 * order written breaks ties), a region ignored (`pt-BR` → pt), `q=0` meaning "not this one".
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim().match(/^q=([0-9.]+)$/)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? DEFAULT_LOCALE;
}

/**
 * The locale a request is served in: the signed-in member's own, else the visitor's cookie, else the
 * browser's Accept-Language.
 */
export function negotiateLocale(input: { member?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.member)) return input.member;
  if (isLocale(input.cookie)) return input.cookie;
  return localeFromAcceptLanguage(input.acceptLanguage);
}

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

let names: readonly { locale: Locale; name: string }[] | undefined;

/**
 * Each locale named in its own language ("français", "العربية"), for the language switchers. The same
 * for every request, so made once per process: five Intl.DisplayNames cost ~0.1–0.4 ms, and the account
 * menu on every member page asks (issue 17).
 */
export function localeNames(): readonly { locale: Locale; name: string }[] {
  names ??= Object.freeze(
    LOCALES.map((locale) => {
      const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
      return Object.freeze({ locale, name: name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) });
    }),
  );
  return names;
}

/** A locale as next-intl reports it, narrowed to one the interface has (English otherwise). */
export function supportedLocale(found: string): Locale {
  return isLocale(found) ? found : DEFAULT_LOCALE;
}
