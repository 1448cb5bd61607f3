'use client';

import Link from '@/app/_components/link';
import { useLocale, useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { setLanguageAction } from './language-actions';
import type { LanguageChoice } from './language-switcher';
import { signOutAction } from './sign-out-action';

const ITEMS = '[role^="menuitem"]:not([disabled])';

/**
 * The signed-in person's menu: settings, the language (saved in their preferences) and sign-out. A menu
 * button as the WAI-ARIA Authoring Practices describe it: Enter, Space or ↓ opens it on the first item
 * (↑ on the last), ↑ ↓ Home End move, Escape closes it back on the button, Tab or a click elsewhere
 * closes it. Written here rather than with a menu library, which cost every page 30 KB of JavaScript
 * (issue 17).
 */
export function UserMenu({ name, organisation, languages }: { name: string; organisation: string; languages: readonly LanguageChoice[] }) {
  const t = useTranslations('nav');
  const locale = useLocale();
  const [, setLanguage, pending] = useActionState(setLanguageAction, null);
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = () => [...(root.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];

  useEffect(() => {
    if (!open) return;
    const list = items();
    (open === 'last' ? list.at(-1) : list[0])?.focus();
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[e.key];
    if (move !== undefined) {
      e.preventDefault();
      list[(move + list.length) % list.length]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') close(false);
  };
  const choose = (value: string) => {
    close(true);
    if (value === locale) return;
    const data = new FormData();
    data.set('locale', value);
    startTransition(() => setLanguage(data));
  };

  const itemClass =
    'block w-full cursor-pointer rounded px-3 py-2 text-start text-sm text-slate-800 no-underline outline-none hover:bg-brand-50 focus:bg-brand-50';
  const separator = <div role="separator" className="my-1 h-px bg-slate-200" />;
  const settings = [
    { href: '/settings/profile', label: t('profile') },
    { href: '/settings/preferences', label: t('preferences') },
    { href: '/settings/security', label: t('security') },
    { href: '/settings/warnings', label: t('warnings') },
    { href: '/settings/data', label: t('data') },
  ];
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={t('account', { name })}
        aria-haspopup="menu"
        aria-expanded={Boolean(open)}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => (o ? false : 'first'))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(e.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
        className="flex max-w-[12rem] items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
      >
        <span aria-hidden className="grid size-8 shrink-0 place-items-center rounded-full bg-brand-100 font-semibold text-brand-800">
          {name.trim().charAt(0).toUpperCase()}
        </span>
        <span className="hidden truncate sm:inline">{name}</span>
      </button>
      {open ? (
        <div
          id={id}
          role="menu"
          aria-label={t('account', { name })}
          onKeyDown={onMenuKey}
          className="absolute end-0 top-full z-50 mt-1.5 min-w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          <div className="px-3 py-2 text-xs text-slate-600">
            <div className="font-semibold text-slate-900">{name}</div>
            <div>{organisation}</div>
          </div>
          {separator}
          {settings.map((s) => (
            <Link key={s.href} href={s.href} role="menuitem" tabIndex={-1} className={itemClass} onClick={() => close(false)}>
              {s.label}
            </Link>
          ))}
          {separator}
          <div role="group" aria-labelledby={`${id}-language`}>
            <div id={`${id}-language`} className="px-3 pt-1 text-xs font-semibold text-slate-600">
              {t('language')}
            </div>
            {languages.map((l) => (
              <button
                key={l.locale}
                type="button"
                role="menuitemradio"
                aria-checked={l.locale === locale}
                tabIndex={-1}
                lang={l.locale}
                disabled={pending}
                onClick={() => choose(l.locale)}
                className={`${itemClass} flex items-center gap-2`}
              >
                <span aria-hidden className="inline-block w-4">
                  {l.locale === locale ? '✓' : ''}
                </span>
                {l.name}
              </button>
            ))}
          </div>
          {separator}
          <form action={signOutAction}>
            <button type="submit" role="menuitem" tabIndex={-1} className={itemClass}>
              {t('signOut')}
            </button>
          </form>
        </div>
      ) : null}
    </div>
  );
}
