import { describe, expect, it } from 'vitest';
import { directionOf, localeFromAcceptLanguage, localeNames, negotiateLocale } from './locales';

describe('locale negotiation', () => {
  it('takes the best supported language of Accept-Language by q-value, ignoring regions', () => {
    expect(localeFromAcceptLanguage('pt-BR,pt;q=0.9,en;q=0.8')).toBe('pt');
    expect(localeFromAcceptLanguage('de-DE,de;q=0.9,fr;q=0.5,en;q=0.7')).toBe('en');
    expect(localeFromAcceptLanguage('en;q=0.2, ar-JO')).toBe('ar');
    expect(localeFromAcceptLanguage('es;q=0, fr')).toBe('fr');
    expect(localeFromAcceptLanguage('de, ja')).toBe('en');
    expect(localeFromAcceptLanguage('')).toBe('en');
    expect(localeFromAcceptLanguage(null)).toBe('en');
    expect(localeFromAcceptLanguage('*;q=0.5, garbage;;;')).toBe('en');
  });

  it('prefers the member’s own locale, then the cookie, then the browser', () => {
    expect(negotiateLocale({ member: 'fr', cookie: 'ar', acceptLanguage: 'es' })).toBe('fr');
    expect(negotiateLocale({ member: null, cookie: 'ar', acceptLanguage: 'es' })).toBe('ar');
    expect(negotiateLocale({ cookie: 'xx', acceptLanguage: 'es-MX' })).toBe('es');
    expect(negotiateLocale({ member: 'de', acceptLanguage: 'pt' })).toBe('pt');
  });

  it('knows which languages read right to left', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('fr')).toBe('ltr');
  });

  it('names each language in itself', () => {
    expect(Object.fromEntries(localeNames().map((l) => [l.locale, l.name]))).toEqual({
      en: 'English',
      fr: 'Français',
      es: 'Español',
      pt: 'Português',
      ar: 'العربية',
    });
    // Made once per process and shared by every request: nobody may change it.
    expect(localeNames()).toBe(localeNames());
    expect(Object.isFrozen(localeNames()) && Object.isFrozen(localeNames()[0])).toBe(true);
  });
});
