'use client';

import { useTranslations } from 'next-intl';
import { OrganisationCombobox, type OrganisationOption } from '@/app/_components/organisation-combobox';
import { isolated } from '@/app/_components/bidi';

/** The resource list's organisation filter: a type-ahead over the organisations that contributed what the member sees. */
export function OrganisationFilter({ initial }: { initial: OrganisationOption | null }) {
  const t = useTranslations('resources.organisationFilter');
  return (
    <OrganisationCombobox
      id="organisation-filter"
      name="organisation"
      endpoint="/api/resources/organisations"
      initial={initial}
      labels={{
        search: t('search'),
        hint: t('hint'),
        noMatch: t('noMatch'),
        change: t('clear'),
        chosen: (name) => isolated(t, 'chosen', { name }),
        results: (count) => t('results', { count }),
      }}
    />
  );
}
