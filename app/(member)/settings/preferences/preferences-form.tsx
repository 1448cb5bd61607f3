'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SelectField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { updatePreferencesAction } from './actions';

export function PreferencesForm(props: { locale: string; timeZone: string; locales: { value: string; label: string }[]; timeZones: string[] }) {
  const t = useTranslations('settings');
  const [state, action] = useActionState(updatePreferencesAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action}>
      {/* Keyed on the language, so a change made from the menu shows here too (the saved message stays). */}
      <SelectField key={props.locale} name="locale" label={t('language')} defaultValue={props.locale} errors={errors?.locale}>
        {props.locales.map((l) => (
          <option key={l.value} value={l.value} lang={l.value}>
            {l.label}
          </option>
        ))}
      </SelectField>
      <SelectField name="timeZone" label={t('timeZone')} hint={t('timeZoneHint')} defaultValue={props.timeZone} errors={errors?.timeZone}>
        {props.timeZones.map((z) => (
          <option key={z} value={z}>
            {z.replaceAll('_', ' ')}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </ActionForm>
  );
}
