'use client';

import clsx from 'clsx';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { FieldErrors, inputClass } from '@/app/_components/ui/field';

export interface OrganisationOption {
  id: string;
  name: string;
  sector: string;
  country: string | null;
}

export interface ComboboxLabels {
  search: string;
  hint: string;
  noMatch: string;
  change: string;
  chosen: (name: string) => ReactNode;
  results: (count: number) => string;
}

/**
 * An accessible combobox (ARIA 1.2 pattern) over organisations: type to search `endpoint` (`?q=`, answers
 * `{ results }`), arrow keys to move, Enter to choose, Escape to close. The chosen organisation's id goes
 * in a hidden field named `name`. Used to pick one's organisation when applying, and as the resource
 * list's organisation filter (a list of every organisation made that page heavy: issue 17). With
 * `onChoose`, it picks several instead: each choice goes to the caller (which keeps the list and its
 * hidden fields: the TLP marking's organisations) and the search box stays open for the next one.
 */
export function OrganisationCombobox({
  id,
  name,
  endpoint,
  labels,
  errors,
  initial,
  onChoose,
}: {
  id: string;
  name: string;
  endpoint: string;
  labels: ComboboxLabels;
  errors?: string[];
  initial?: OrganisationOption | null;
  onChoose?: (option: OrganisationOption) => void;
}) {
  const tSectors = useTranslations('common.sectors');
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<OrganisationOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [chosen, setChosen] = useState<OrganisationOption | null>(initial ?? null);
  const [searched, setSearched] = useState(false);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (query.trim().length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`${endpoint}?q=${encodeURIComponent(query)}`, { signal: controller.signal });
        if (!res.ok) return;
        const body = (await res.json()) as { results: OrganisationOption[] };
        setOptions(body.results);
        setActive(body.results.length ? 0 : -1);
        setSearched(true);
        setOpen(true);
      } catch {
        // aborted or offline: keep the previous list
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, endpoint]);

  const choose = (option: OrganisationOption) => {
    if (onChoose) onChoose(option);
    else setChosen(option);
    setOpen(false);
    setQuery('');
  };

  const describedBy = [`${id}-hint`, errors?.length ? `${name}-error` : null].filter(Boolean).join(' ');

  return (
    <div className="space-y-1">
      {onChoose ? null : <input type="hidden" name={name} value={chosen?.id ?? ''} />}
      {chosen ? (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-3 py-2">
          <span role="status">{labels.chosen(chosen.name)}</span>
          <button
            type="button"
            className="text-sm font-semibold text-brand-700 underline"
            onClick={() => {
              setChosen(null);
              setTimeout(() => inputRef.current?.focus(), 0);
            }}
          >
            {labels.change}
          </button>
        </div>
      ) : (
        <>
          <label htmlFor={`${id}-search`} className="block text-sm font-medium text-slate-800">
            {labels.search}
          </label>
          <p id={`${id}-hint`} className="text-sm text-slate-600">
            {labels.hint}
          </p>
          <div className="relative">
            <input
              ref={inputRef}
              id={`${id}-search`}
              type="text"
              role="combobox"
              autoComplete="off"
              aria-autocomplete="list"
              aria-expanded={open}
              aria-controls={listId}
              aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
              aria-invalid={errors?.length ? true : undefined}
              aria-describedby={describedBy}
              className={inputClass}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                if (e.target.value.trim().length < 2) {
                  setOpen(false);
                  setSearched(false);
                }
              }}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  setOpen(true);
                  setActive((i) => Math.min(options.length - 1, i + 1));
                } else if (e.key === 'ArrowUp') {
                  e.preventDefault();
                  setActive((i) => Math.max(0, i - 1));
                } else if (e.key === 'Enter' && open && options[active]) {
                  e.preventDefault();
                  choose(options[active]);
                } else if (e.key === 'Escape') {
                  setOpen(false);
                }
              }}
              onBlur={() => setTimeout(() => setOpen(false), 150)}
            />
            <ul
              id={listId}
              role="listbox"
              aria-label={labels.search}
              className={clsx(
                'absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg',
                !(open && options.length) && 'hidden',
              )}
            >
              {options.map((o, i) => (
                <li
                  key={o.id}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={clsx('cursor-pointer px-3 py-2 text-sm', i === active && 'bg-brand-50')}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(o);
                  }}
                  onMouseEnter={() => setActive(i)}
                >
                  <span className="font-medium" dir="auto">
                    {o.name}
                  </span>
                  <span className="block text-xs text-slate-600">
                    {tSectors(o.sector)}
                    {o.country ? ` · ${o.country}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <p aria-live="polite" className="text-sm text-slate-600">
            {searched && query.trim().length >= 2 ? (options.length ? labels.results(options.length) : labels.noMatch) : ''}
          </p>
        </>
      )}
      <FieldErrors name={name} errors={errors} />
    </div>
  );
}
