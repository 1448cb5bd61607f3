import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { buttonClass } from '@/app/_components/ui/button';

/** Controls shared by every filtered, keyset-paginated list: filters and pages live in the URL. */

/** A path with the given query parameters (empty ones left out). */
export function hrefWith(path: string, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
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
  const t = await getTranslations('common.list');
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

/** A search form that puts its fields in the address (GET), so a filtered view can be shared and bookmarked. */
export async function FilterForm({ action, active, label, children }: { action: string; active: boolean; label: string; children: ReactNode }) {
  const t = await getTranslations('common.list');
  return (
    <Form action={action} role="search" aria-label={label} className="rounded-lg border border-slate-200 bg-white p-4">
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
export function Choices({ any, options }: { any: string; options: { value: string; label: string }[] }) {
  return (
    <>
      <option value="">{any}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
