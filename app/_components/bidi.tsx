import { Fragment, type ReactNode } from 'react';

/** Private-use characters that mark where a value starts and ends in a formatted message. */
const START = '\uE010';
const END = '\uE011';
const SPLIT = new RegExp(`${START}([^${END}]*)${END}`);

type Values = Record<string, string | number | Date>;

/**
 * A translated sentence cut where its text values start and end: the parts at odd indexes are the values
 * (a name, a title, a space, a date), the others the message's own words. A plain array of strings, so a
 * server component can hand it to a client component (issue 17), which draws it with `Isolated`.
 */
export function isolatedParts(t: (key: string, values?: Values) => string, key: string, values: Values): string[] {
  const marked: Values = {};
  for (const [name, value] of Object.entries(values)) {
    marked[name] = typeof value === 'string' && value ? `${START}${value.replaceAll(START, '').replaceAll(END, '')}${END}` : value;
  }
  return t(key, marked).split(SPLIT);
}

/** The parts of `isolatedParts`, each value in its own `<bdi>`. */
export function Isolated({ parts }: { parts: string[] }): ReactNode {
  return parts.map((part, i) => (i % 2 ? <bdi key={i}>{part}</bdi> : part ? <Fragment key={i}>{part}</Fragment> : null));
}

/**
 * A translated sentence with each text value (a name, a title, a space, a date) in its own `<bdi>`, so an
 * Arabic name in an English sentence, or an English title in an Arabic one, keeps its own direction and
 * does not reorder the words around it. Works with any message: no tags needed in the catalogues.
 * For attributes (aria-label, alt), which cannot hold elements, pass the plain `t(...)` string.
 */
export function isolated(t: (key: string, values?: Values) => string, key: string, values: Values): ReactNode {
  return Isolated({ parts: isolatedParts(t, key, values) });
}
