import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { buttonClass } from '@/app/_components/ui/button';

/** A search form that puts its fields in the address (GET), so a filtered view can be shared. */
export async function DirectoryFilters({ action, active, children }: { action: string; active: boolean; children: ReactNode }) {
  const t = await getTranslations('directory.filters');
  return (
    <Form action={action} role="search" aria-label={t('label')} className="rounded-lg border border-slate-200 bg-white p-4">
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
