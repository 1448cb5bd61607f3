import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type en from '../messages/en';

/**
 * The English catalogue, so specs find labels and buttons by the words people see (and follow changes).
 * Read from messages/en/*.json at run time; the type comes from messages/en/index.ts.
 */
type Catalogue = typeof en;

const dir = path.resolve('messages/en');
const catalogue = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.slice(0, -'.json'.length), JSON.parse(readFileSync(path.join(dir, f), 'utf8'))]),
) as Catalogue;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Catalogue>;

/** A message by its dotted key, with simple `{name}` arguments filled in (no plural forms). */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  let node: unknown = catalogue;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`No message ${key}`);
  return node.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
