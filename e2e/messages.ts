import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type en from '../messages/en';

/**
 * The catalogues, so specs find labels and buttons by the words people see (and follow changes).
 * Read from messages/<locale>/*.json at run time; the keys' type comes from messages/en/index.ts.
 */
type Catalogue = typeof en;
export type Locale = 'en' | 'fr' | 'es' | 'pt' | 'ar';

const catalogues = new Map<Locale, Catalogue>();
function catalogue(locale: Locale): Catalogue {
  let found = catalogues.get(locale);
  if (!found) {
    const dir = path.resolve('messages', locale);
    found = Object.fromEntries(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => [f.slice(0, -'.json'.length), JSON.parse(readFileSync(path.join(dir, f), 'utf8'))]),
    ) as Catalogue;
    catalogues.set(locale, found);
  }
  return found;
}

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Catalogue>;

/** A message of one locale by its dotted key, with simple `{name}` arguments filled in (no plural forms). */
export function tIn(locale: Locale, key: MessageKey, values: Record<string, string | number> = {}): string {
  let node: unknown = catalogue(locale);
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`No message ${key} in ${locale}`);
  return node.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** An English message by its dotted key. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return tIn('en', key, values);
}
