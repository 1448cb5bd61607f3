'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { inputClass } from '@/app/_components/ui/field';

export interface Person {
  id: string;
  name: string;
  organisationName: string;
}

/** One person in a people listbox (this type-ahead's, the editor's inline mentions): chosen on press, keeping the field's focus. */
export function PersonOption({ person, id, active, onPick }: { person: Person; id: string; active: boolean; onPick: (p: Person) => void }) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={`cursor-pointer px-3 py-2 text-sm ${active ? 'bg-brand-50' : ''}`}
      onMouseDown={(e) => {
        e.preventDefault();
        onPick(person);
      }}
    >
      <span dir="auto" className="font-medium">
        {person.name}
      </span>{' '}
      <span dir="auto" className="text-slate-600">
        {person.organisationName}
      </span>
    </li>
  );
}

/** Where a type-ahead looks people up: a route of the portal and its fixed query (`q` is added). */
export interface PeopleLookup {
  path: string;
  params: Record<string, string>;
  /** The field's label, hint and "nobody found" sentence (by default, the editor's mention box's). */
  label?: string;
  hint?: string;
  none?: string;
}

/**
 * Type-ahead of people (an ARIA 1.2 combobox with a listbox): mentions in the editor, people to write
 * to. Only people the look-up's route allows are offered: it applies the access rule on the server
 * (a space's audience, a conversation's participants, the directory).
 */
export function MentionBox({ lookup, onPick }: { lookup: PeopleLookup; onPick: (p: Person) => void }) {
  const t = useTranslations('discussions.editor');
  const { path, params } = lookup;
  const fixed = new URLSearchParams(params).toString();
  const id = useId();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Person[]>([]);
  const [active, setActive] = useState(0);
  const [searched, setSearched] = useState(false);

  useEffect(() => {
    const term = q.trim();
    if (term.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`${path}?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(fixed)), q: term })}`, {
          signal: controller.signal,
        });
        const json = res.ok ? ((await res.json()) as { results: Person[] }) : { results: [] };
        setResults(json.results);
        setActive(0);
        setSearched(true);
      } catch {
        /* aborted or offline: keep the previous list */
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, path, fixed]);

  const open = results.length > 0;
  const pick = (p: Person) => {
    onPick(p);
    setQ('');
    setResults([]);
    setSearched(false);
  };

  return (
    <div className="relative max-w-md space-y-1">
      <label htmlFor={`${id}-input`} className="block text-sm font-medium text-slate-800">
        {lookup.label ?? t('mention')}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {lookup.hint ?? t('mentionHint')}
      </p>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={open ? `${id}-opt-${active}` : undefined}
        className={inputClass}
        value={q}
        maxLength={60}
        onChange={(e) => {
          setQ(e.target.value);
          if (e.target.value.trim().length < 2) {
            setResults([]);
            setSearched(false);
          }
        }}
        onKeyDown={(e) => {
          if (!open) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => (a + 1) % results.length);
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => (a - 1 + results.length) % results.length);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(results[active]!);
          } else if (e.key === 'Escape') {
            setResults([]);
          }
        }}
      />
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label={lookup.label ?? t('mention')}
        hidden={!open}
        className="absolute z-10 mt-1 w-full rounded-md border border-slate-200 bg-white shadow-lg"
      >
        {results.map((p, i) => (
          <PersonOption key={p.id} person={p} id={`${id}-opt-${i}`} active={i === active} onPick={pick} />
        ))}
      </ul>
      {searched && !open ? (
        <p className="text-sm text-slate-600" role="status">
          {lookup.none ?? t('mentionNone')}
        </p>
      ) : null}
    </div>
  );
}
