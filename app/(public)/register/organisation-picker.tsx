'use client';

import { useTranslations } from 'next-intl';
import { OrganisationCombobox, type OrganisationOption } from '@/app/_components/organisation-combobox';
import { isolated } from '@/app/_components/bidi';

/** The applicant's organisation, among the member organisations (the public look-up). */
export function OrganisationPicker({ errors, initial }: { errors?: string[]; initial?: OrganisationOption | null }) {
  const t = useTranslations('auth.register');
  return (
    <OrganisationCombobox
      id="organisation"
      name="organisationId"
      endpoint="/api/organisations/lookup"
      errors={errors}
      initial={initial}
      labels={{
        search: t('organisationSearch'),
        hint: t('organisationSearchHint'),
        noMatch: t('organisationNoMatch'),
        change: t('organisationChange'),
        chosen: (name) => isolated(t, 'organisationChosen', { name }),
        results: (count) => t('organisationResults', { count }),
      }}
    />
  );
}
