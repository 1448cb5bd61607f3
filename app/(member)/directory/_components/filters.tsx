import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { FilterForm } from '@/app/_components/list-controls';

/** The directory's filter form (its fields live in the address, so a filtered view can be shared). */
export async function DirectoryFilters({ action, active, children }: { action: string; active: boolean; children: ReactNode }) {
  const t = await getTranslations('directory.filters');
  return (
    <FilterForm action={action} active={active} label={t('label')}>
      {children}
    </FilterForm>
  );
}
