import Form from '@/app/_components/form';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { buttonClass } from '@/app/_components/ui/button';
import { Arrow } from '@/app/_components/ui/arrow';

/** Controls shared by every filtered, keyset-paginated list: filters and pages live in the URL. */

type Params = Record<string, string | number | null | undefined>;

/** A path with the given query parameters (empty ones left out). */
export function hrefWith(path: string, params: Params): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * Previous and Next links of a keyset list, keeping the filters. The cursor travels in `cursorParam`
 * (another name where a page holds a second list, such as a resource's download trail).
 */
export async function Pager({
  path,
  params,
  previous,
  next,
  cursorParam = 'cursor',
  label,
}: {
  path: string;
  params: Params;
  previous: string | null;
  next: string | null;
  cursorParam?: string;
  /** The navigation's name where a page holds two lists ("Pages of applications"). */
  label?: string;
}) {
  if (!previous && !next) return null;
  const t = await getTranslations('common.list');
  return (
    <nav aria-label={label ?? t('pagination')} className="flex items-center justify-between gap-4">
      {previous ? (
        <Link href={hrefWith(path, { ...params, [cursorParam]: previous })} rel="prev" className={buttonClass('secondary')}>
          <Arrow to="back" /> {t('previous')}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={hrefWith(path, { ...params, [cursorParam]: next })} rel="next" className={buttonClass('secondary')}>
          {t('next')} <Arrow to="forward" />
        </Link>
      ) : null}
    </nav>
  );
}

/** A search form that puts its fields in the address (GET), so a filtered view can be shared and bookmarked. */
export async function FilterForm({
  action,
  active,
  label,
  submit,
  children,
}: {
  action: string;
  active: boolean;
  label: string;
  /** The submit button's text, when "Apply filters" says less than it could ("Show resources"). */
  submit?: string;
  children: ReactNode;
}) {
  const t = await getTranslations('common.list');
  return (
    <Form action={action} role="search" aria-label={label} className="card">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">{children}</div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass('primary')}>
          {submit ?? t('apply')}
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
