'use client';

import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { startTransition, useActionState } from 'react';
import { directionOf } from '@/lib/i18n/locales';
import { setLanguageAction } from './language-actions';
import type { LanguageChoice } from './language-switcher';
import { signOutAction } from './sign-out-action';

/** The signed-in person's menu: settings, the language (saved in their preferences) and sign-out, reachable by keyboard. */
export function UserMenu({ name, organisation, languages }: { name: string; organisation: string; languages: LanguageChoice[] }) {
  const t = useTranslations('nav');
  const locale = useLocale();
  const [, setLanguage, pending] = useActionState(setLanguageAction, null);
  const choose = (value: string) => {
    if (value === locale) return;
    const data = new FormData();
    data.set('locale', value);
    startTransition(() => setLanguage(data));
  };
  const itemClass =
    'block w-full cursor-pointer rounded px-3 py-2 text-start text-sm text-slate-800 no-underline outline-none data-[highlighted]:bg-brand-50 data-[highlighted]:no-underline';
  return (
    <DropdownMenu.Root dir={directionOf(locale)}>
      <DropdownMenu.Trigger
        aria-label={t('account', { name })}
        className="flex max-w-[12rem] items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
      >
        <span aria-hidden className="grid size-8 shrink-0 place-items-center rounded-full bg-brand-100 font-semibold text-brand-800">
          {name.trim().charAt(0).toUpperCase()}
        </span>
        <span className="hidden truncate sm:inline">{name}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <div className="px-3 py-2 text-xs text-slate-600">
            <div className="font-semibold text-slate-900">{name}</div>
            <div>{organisation}</div>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item asChild>
            <Link href="/settings/profile" className={itemClass}>
              {t('profile')}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild>
            <Link href="/settings/preferences" className={itemClass}>
              {t('preferences')}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild>
            <Link href="/settings/security" className={itemClass}>
              {t('security')}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild>
            <Link href="/settings/data" className={itemClass}>
              {t('data')}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Label className="px-3 pt-1 text-xs font-semibold text-slate-600">{t('language')}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={locale} onValueChange={choose}>
            {languages.map((l) => (
              <DropdownMenu.RadioItem
                key={l.locale}
                value={l.locale}
                lang={l.locale}
                disabled={pending}
                className={`${itemClass} flex items-center gap-2`}
              >
                <span aria-hidden className="inline-block w-4">
                  <DropdownMenu.ItemIndicator>✓</DropdownMenu.ItemIndicator>
                </span>
                {l.name}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <form action={signOutAction}>
            <DropdownMenu.Item asChild onSelect={(e) => e.preventDefault()}>
              <button type="submit" className={itemClass}>
                {t('signOut')}
              </button>
            </DropdownMenu.Item>
          </form>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
