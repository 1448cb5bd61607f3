import { describe, expect, it } from 'vitest';
import { languageNamer, languageOptions } from './languages';

describe('language names', () => {
  it('names a language in the viewer’s language, one namer per locale', () => {
    expect(languageNamer('fr')('ar')).toBe('arabe');
    expect(languageNamer('en')('ar')).toBe('Arabic');
    expect(languageNamer('ar')('fr')).toBe('الفرنسية');
    expect(languageNamer('fr')).toBe(languageNamer('fr'));
    expect(languageNamer('fr')).not.toBe(languageNamer('es'));
  });

  it('sorts the choices by their names in the viewer’s language', () => {
    const names = languageOptions('fr').map((o) => o.label);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
    expect(languageOptions('fr').find((o) => o.value === 'en')?.label).toBe('anglais');
  });
});
