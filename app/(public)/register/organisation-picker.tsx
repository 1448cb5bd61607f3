'use client';

import clsx from 'clsx';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { inputClass } from '@/app/_components/ui/field';
import { isolated } from '@/app/_components/bidi';

interface Option {
  id: string;
  name: string;
  sector: string;
  country: string | null;
}

/**
 * An accessible combobox (ARIA 1.2 pattern): type to search member organisations, arrow keys to move,
 * Enter to choose, Escape to close. The chosen organisation's id goes in a hidden field.
 */
export function OrganisationPicker({ errors, initial }: { errors?: string[]; initial?: Option | null }) {
  const t = useTranslations('auth.register');
  const tSectors = useTranslations('common.sectors');
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [chosen, setChosen] = useState<Option | null>(initial ?? null);
  const [searched, setSearched] = useState(false);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (query.trim().length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/organisations/lookup?q=${encodeURIComponent(query)}`, { signal: controller.signal });
        if (!res.ok) return;
        const body = (await res.json()) as { results: Option[] };
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
  }, [query]);

  const choose = (option: Option) => {
    setChosen(option);
    setOpen(false);
    setQuery('');
  };

  const describedBy = ['organisation-hint', errors?.length ? 'organisationId-error' : null].filter(Boolean).join(' ');

  return (
    <div className="space-y-1">
      <input type="hidden" name="organisationId" value={chosen?.id ?? ''} />
      {chosen ? (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-3 py-2">
          <span role="status">{isolated(t, 'organisationChosen', { name: chosen.name })}</span>
          <button
            type="button"
            className="text-sm font-semibold text-brand-700 underline"
            onClick={() => {
              setChosen(null);
              setTimeout(() => inputRef.current?.focus(), 0);
            }}
          >
            {t('organisationChange')}
          </button>
        </div>
      ) : (
        <>
          <label htmlFor="organisation-search" className="block text-sm font-medium text-slate-800">
            {t('organisationSearch')}
          </label>
          <p id="organisation-hint" className="text-sm text-slate-600">
            {t('organisationSearchHint')}
          </p>
          <div className="relative">
            <input
              ref={inputRef}
              id="organisation-search"
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
              aria-label={t('organisationSearch')}
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
            {searched && query.trim().length >= 2
              ? options.length
                ? t('organisationResults', { count: options.length })
                : t('organisationNoMatch')
              : ''}
          </p>
        </>
      )}
      {errors?.length ? (
        <p id="organisationId-error" className="text-sm font-medium text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
