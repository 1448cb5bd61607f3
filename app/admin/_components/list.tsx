import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Choices, FilterForm, hrefWith, Pager } from '@/app/_components/list-controls';
import { Badge, type Tone } from '@/app/_components/ui/badge';

export { hrefWith, Pager };

export { Badge };

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
export function Table({
  caption,
  captionId,
  columns,
  children,
}: {
  caption: ReactNode;
  captionId: string;
  columns: ReactNode[];
  children: ReactNode;
}) {
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[44rem] text-start text-sm">
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            {columns.map((label, i) => (
              <th key={i} scope="col" className={th}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </div>
  );
}

const th = 'px-4 py-3 font-semibold text-slate-700 whitespace-nowrap';
export const td = 'px-4 py-3 align-top';
/** The first column (a row's name and email) keeps enough width to stay readable while the table scrolls. */
export const rowHeader = `${td} min-w-60 font-normal`;

/** Shown instead of a list with nothing in it. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">{children}</p>;
}

/** A search form that puts its fields in the address (GET), so filtered lists can be shared and bookmarked. */
export async function Filters({ action, active, children }: { action: string; active: boolean; children: ReactNode }) {
  const t = await getTranslations('admin.list');
  return (
    <FilterForm action={action} active={active} label={t('filters')}>
      {children}
    </FilterForm>
  );
}

/** Select options with an "any" choice first. */
export function Options({ any, values, label }: { any: string; values: readonly string[]; label: (value: string) => string }) {
  return <Choices any={any} options={values.map((value) => ({ value, label: label(value) }))} />;
}
