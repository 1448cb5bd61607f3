'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { SelectField, TextArea, TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import type { Sector } from '@/lib/validation/admin';
import { deactivateOrganisationAction, updateOrganisationAction } from './actions';

interface Editable {
  id: string;
  version: string;
  name: string;
  sector: Sector;
  country: string | null;
  website: string | null;
  emailDomains: string[];
}

export function OrganisationForm({
  organisation,
  sectors,
  countries,
}: {
  organisation: Editable;
  sectors: readonly Sector[];
  countries: { code: string; name: string }[];
}) {
  const t = useTranslations('admin.organisation');
  const tSectors = useTranslations('common.sectors');
  const [state, action] = useActionState(updateOrganisationAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors;
  // After a failed save, show what was sent (fields are remounted with it); otherwise the saved values.
  const value = (name: string, saved: string) => (failed ? (failed.values?.[name] ?? '') : saved);
  const k = (name: string, saved: string) => `${name}:${organisation.version}:${value(name, saved)}`;
  const [sector, setSector] = useState<string>(value('sector', organisation.sector));

  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="organisationId" value={organisation.id} />
      <input type="hidden" name="version" value={organisation.version} />
      <TextField
        key={k('name', organisation.name)}
        name="name"
        label={t('name')}
        required
        maxLength={200}
        defaultValue={value('name', organisation.name)}
        errors={errors?.name}
        dir="auto"
      />
      {/* Uncontrolled (React resets a form after each submission, and a controlled select would show its first option) */}
      <SelectField
        key={k('sector', organisation.sector)}
        name="sector"
        label={t('sector')}
        required
        defaultValue={value('sector', organisation.sector)}
        onChange={(e) => setSector(e.target.value)}
        errors={errors?.sector}
      >
        {sectors.map((s) => (
          <option key={s} value={s}>
            {tSectors(s)}
          </option>
        ))}
      </SelectField>
      <SelectField
        key={k('country', organisation.country ?? '')}
        name="country"
        label={t('country')}
        hint={sector === 'intergovernmental' ? t('countryOptional') : undefined}
        required={sector !== 'intergovernmental'}
        defaultValue={value('country', organisation.country ?? '')}
        errors={errors?.country}
      >
        <option value="">{sector === 'intergovernmental' ? t('noCountry') : t('chooseCountry')}</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <TextField
        key={k('website', organisation.website ?? '')}
        name="website"
        type="url"
        inputMode="url"
        label={t('website')}
        hint={t('websiteHint')}
        maxLength={300}
        defaultValue={value('website', organisation.website ?? '')}
        errors={errors?.website}
      />
      <TextArea
        key={k('emailDomains', organisation.emailDomains.join('\n'))}
        name="emailDomains"
        label={t('emailDomains')}
        hint={t('emailDomainsHint')}
        maxLength={2000}
        rows={4}
        spellCheck={false}
        autoCapitalize="none"
        defaultValue={value('emailDomains', organisation.emailDomains.join('\n'))}
        errors={errors?.emailDomains}
      />
      {errors?.version ? <p className="text-sm font-medium text-red-700">{errors.version.join(' ')}</p> : null}
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </ActionForm>
  );
}

/** Deactivating (offboarding) needs a reason; it sits behind a disclosure so it cannot happen by a slip. */
export function DeactivateOrganisationForm({ organisationId, name }: { organisationId: string; name: string }) {
  const t = useTranslations('admin.organisation');
  const [state, action] = useActionState(deactivateOrganisationAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <details className="group" open={failed ? true : undefined}>
      <summary className="cursor-pointer font-medium text-red-800">{t('deactivate', { name })}</summary>
      <ActionForm state={state} action={action} className="mt-3 space-y-3 rounded-md border border-red-200 bg-red-50/40 p-4">
        <input type="hidden" name="organisationId" value={organisationId} />
        <TextArea
          key={failed?.values?.reason ?? ''}
          name="reason"
          label={t('deactivateReason')}
          hint={t('deactivateReasonHint')}
          required
          maxLength={1000}
          defaultValue={failed?.values?.reason}
          dir="auto"
          errors={failed?.fieldErrors?.reason}
        />
        <SubmitButton variant="danger" pendingLabel={t('saving')}>
          {t('deactivateConfirm')}
        </SubmitButton>
      </ActionForm>
    </details>
  );
}
