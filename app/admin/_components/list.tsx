import clsx from 'clsx';
import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { buttonClass } from '@/app/_components/ui/button';

/** A path with the given query parameters (empty ones left out). */
export function hrefWith(path: string, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

export type Tone = 'success' | 'warning' | 'danger' | 'neutral' | 'info';
const tones: Record<Tone, string> = {
  success: 'bg-emerald-100 text-emerald-900',
  warning: 'bg-amber-100 text-amber-900',
  danger: 'bg-red-100 text-red-900',
  neutral: 'bg-slate-100 text-slate-800',
  info: 'bg-brand-50 text-brand-900',
};

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={clsx('inline-block rounded px-2 py-0.5 text-xs font-semibold whitespace-nowrap', tones[tone])}>{children}</span>;
}

export const USER_STATUS_TONES: Record<string, Tone> = {
  active: 'success',
  pending: 'warning',
  unverified: 'neutral',
  rejected: 'neutral',
  suspended: 'danger',
};

export const ORGANISATION_STATUS_TONES: Record<string, Tone> = {
  active: 'success',
  proposed: 'warning',
  inactive: 'neutral',
  rejected: 'danger',
};

/**
 * A table that scrolls sideways inside its own frame on narrow screens. The frame is focusable (and
 * named by the caption) so keyboard users can scroll it too.
 */
export function Table({ caption, captionId, children }: { caption: ReactNode; captionId: string; children: ReactNode }) {
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export const th = 'px-4 py-3 font-semibold text-slate-700 whitespace-nowrap';
export const td = 'px-4 py-3 align-top';
/** The first column (a row's name and email) keeps enough width to stay readable while the table scrolls. */
export const rowHeader = `${td} min-w-60 font-normal`;

/** Shown instead of a list with nothing in it. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">{children}</p>;
}

/** Previous and Next links of a keyset list, keeping the filters. */
export async function Pager({
  path,
  params,
  previous,
  next,
}: {
  path: string;
  params: Record<string, string | undefined>;
  previous: string | null;
  next: string | null;
}) {
  if (!previous && !next) return null;
  const t = await getTranslations('admin.list');
  return (
    <nav aria-label={t('pagination')} className="flex items-center justify-between gap-4">
      {previous ? (
        <Link href={hrefWith(path, { ...params, cursor: previous })} rel="prev" className={buttonClass('secondary')}>
          <span aria-hidden>←</span> {t('previous')}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={hrefWith(path, { ...params, cursor: next })} rel="next" className={buttonClass('secondary')}>
          {t('next')} <span aria-hidden>→</span>
        </Link>
      ) : null}
    </nav>
  );
}

/** A search form that puts its fields in the address (GET), so filtered lists can be shared and bookmarked. */
export async function Filters({ action, active, children }: { action: string; active: boolean; children: ReactNode }) {
  const t = await getTranslations('admin.list');
  return (
    <Form action={action} role="search" aria-label={t('filters')} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">{children}</div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass('primary')}>
          {t('apply')}
        </button>
        {active ? <Link href={action}>{t('clear')}</Link> : null}
      </div>
    </Form>
  );
}

/** Select options with an "any" choice first. */
export function Options({ any, values, label }: { any: string; values: readonly string[]; label: (value: string) => string }) {
  return (
    <>
      <option value="">{any}</option>
      {values.map((value) => (
        <option key={value} value={value}>
          {label(value)}
        </option>
      ))}
    </>
  );
}
