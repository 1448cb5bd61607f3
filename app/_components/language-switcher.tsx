'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { buttonClass } from './ui/button';
import { setLanguageAction } from './language-actions';

export type LanguageChoice = { locale: string; name: string };

/**
 * The public pages' language switcher: a disclosure (works before scripts load) holding one button per
 * language, each named in its own language. Choosing one sets the cookie and the page comes back in it.
 */
export function LanguageSwitcher({ languages }: { languages: readonly LanguageChoice[] }) {
  const t = useTranslations('nav');
  const current = useLocale();
  const [state, action, pending] = useActionState(setLanguageAction, null);
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (state?.ok && details.current) details.current.open = false;
  }, [state]);
  const currentName = languages.find((l) => l.locale === current)?.name ?? current;
  return (
    <details ref={details} className="relative">
      <summary
        aria-label={t('languageCurrent', { language: currentName })}
        className={buttonClass('ghost', 'cursor-pointer list-none [&::-webkit-details-marker]:hidden')}
      >
        <GlobeIcon />
        {currentName}
      </summary>
      <form action={action} className="absolute end-0 z-50 mt-1 w-44 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        <ul aria-label={t('language')}>
          {languages.map((l) => (
            <li key={l.locale}>
              <button
                type="submit"
                name="locale"
                value={l.locale}
                lang={l.locale}
                disabled={pending}
                aria-current={l.locale === current ? 'true' : undefined}
                className="block min-h-10 w-full rounded px-3 py-2 text-start text-sm text-slate-800 hover:bg-brand-50 aria-[current=true]:font-semibold"
              >
                {l.name}
              </button>
            </li>
          ))}
        </ul>
      </form>
    </details>
  );
}

export function GlobeIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.8">
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3Z" />
    </svg>
  );
}
