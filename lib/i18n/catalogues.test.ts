import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from './locales';
import { messagesFor } from './messages';

/**
 * Catalogue parity: every locale has exactly English's keys, and each message the same placeholders with
 * the same argument types, the same tags and the same select options; plurals keep English's exact
 * branches (`=0`) and give every category the language needs (Arabic: all six).
 */

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const TYPE_NAMES: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'argument',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.select]: 'select',
  [TYPE.plural]: 'plural',
  [TYPE.tag]: 'tag',
};

interface Shape {
  /** "name:type" for every placeholder and tag, e.g. "count:plural", "name:argument", "b:tag". */
  parts: Set<string>;
  /** "name=option" for select options and plural exact branches (=0). */
  branches: Set<string>;
  /** The plural categories each plural argument gives. */
  plurals: { name: string; categories: string[] }[];
}

function shapeOf(message: string): Shape {
  const shape: Shape = { parts: new Set(), branches: new Set(), plurals: [] };
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      const kind = TYPE_NAMES[el.type];
      if (!kind || !('value' in el) || typeof el.value !== 'string') continue;
      shape.parts.add(`${el.value}:${el.type === TYPE.plural && el.pluralType === 'ordinal' ? 'selectordinal' : kind}`);
      if (el.type === TYPE.tag) walk(el.children);
      if (el.type === TYPE.select || el.type === TYPE.plural) {
        const keys = Object.keys(el.options);
        if (el.type === TYPE.select) for (const k of keys) shape.branches.add(`${el.value}=${k}`);
        else {
          for (const k of keys.filter((k) => k.startsWith('='))) shape.branches.add(`${el.value}${k}`);
          shape.plurals.push({ name: el.value, categories: keys.filter((k) => !k.startsWith('=')) });
        }
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(parse(message, { ignoreTag: false }));
  return shape;
}

/** Plural categories a message must give: CLDR's for the language, less French/Spanish/Portuguese "many" (millions, which fall back to "other"). */
function requiredCategories(locale: Locale): string[] {
  const all = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  return locale === 'ar' ? all : all.filter((c) => c !== 'many');
}

const english = leaves(messagesFor('en') as unknown as Tree);

describe('message catalogues', () => {
  it('Arabic plural rules have six categories', () => {
    expect(requiredCategories('ar').sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has the same keys as English', (locale) => {
    const other = leaves(messagesFor(locale) as unknown as Tree);
    expect({ missing: [...english.keys()].filter((k) => !other.has(k)), extra: [...other.keys()].filter((k) => !english.has(k)) }).toEqual({
      missing: [],
      extra: [],
    });
  });

  it.each(LOCALES)('%s: every message parses, with English’s placeholders, tags, options and the plural forms the language needs', (locale) => {
    const other = leaves(messagesFor(locale) as unknown as Tree);
    const problems: string[] = [];
    for (const [key, source] of english) {
      const translated = other.get(key);
      if (translated === undefined) continue;
      let want: Shape, got: Shape;
      try {
        want = shapeOf(source);
        got = shapeOf(translated);
      } catch (error) {
        problems.push(`${key}: does not parse (${(error as Error).message})`);
        continue;
      }
      const diff = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x));
      const missing = [...diff(want.parts, got.parts), ...diff(want.branches, got.branches)];
      const extra = [...diff(got.parts, want.parts), ...diff(got.branches, want.branches)];
      if (missing.length) problems.push(`${key}: lacks ${missing.join(', ')}`);
      if (extra.length) problems.push(`${key}: has ${extra.join(', ')} that English does not`);
      for (const plural of got.plurals) {
        const lacking = requiredCategories(locale).filter((c) => !plural.categories.includes(c));
        if (lacking.length) problems.push(`${key}: plural {${plural.name}} lacks ${lacking.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('tells a changed placeholder from a kept one', () => {
    expect([...shapeOf('{count, plural, =0 {No one} one {# person} other {# people}} in <b>{space}</b>').parts].sort()).toEqual([
      'b:tag',
      'count:plural',
      'space:argument',
    ]);
    expect(shapeOf('Hello {name}').parts).not.toEqual(shapeOf('Hello {nom}').parts);
  });
});
