'use client';

import { useLocale } from 'next-intl';
import { useMemo, useSyncExternalStore } from 'react';

type Kind = 'region' | 'language';
type Choice = { code: string; name: string };

const noSubscription = () => () => {};

/** Names in the page's language from the runtime's own CLDR data (the browser's, or Node's while rendering), sorted for it. */
function named(codes: readonly string[], locale: string, type: Kind): Choice[] {
  const names = new Intl.DisplayNames([locale, 'en'], { type, fallback: 'code' });
  const collator = new Intl.Collator(locale);
  return codes.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
}

const lists = new Map<string, Choice[]>();

/**
 * The options of a country or language filter: "any" and the chosen one while the server renders, every code
 * once the page runs in the browser, named there by Intl.DisplayNames (what lib/i18n/languages.ts does on
 * the server). The 250 countries were 20 KB of each directory page and the languages 5 KB of each list with a
 * language filter, all sent twice (the HTML and the flight data); here they are one string of codes (issue 17).
 * Without JavaScript the filter offers only "any" and the current choice.
 */
export function IntlChoices({ any, codes, selected, type }: { any: string; codes: string; selected?: string; type: Kind }) {
  const locale = useLocale();
  // The server's snapshot must be the same object on every call (React warns of an infinite loop otherwise).
  const initial = useMemo(() => (selected ? named([selected], locale, type) : []), [selected, locale, type]);
  const list = useSyncExternalStore(
    noSubscription,
    () => {
      const key = `${type}:${locale}:${codes}`;
      if (!lists.has(key)) lists.set(key, named(codes.split(' '), locale, type));
      return lists.get(key)!;
    },
    () => initial,
  );
  return (
    <>
      <option value="">{any}</option>
      {list.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </>
  );
}
