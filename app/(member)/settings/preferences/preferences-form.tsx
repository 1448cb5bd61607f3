'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useMemo, useSyncExternalStore } from 'react';
import { SelectField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { updatePreferencesAction } from './actions';

const noSubscription = () => () => {};

/**
 * The time zones the browser knows (its ICU list is the server's), read in the browser: the server renders
 * only the member's own zone, so its 400-odd options are neither in the page's HTML nor in its flight data
 * (24 KB of the page). The server still checks the choice (lib/validation/preferences.ts).
 */
function useTimeZones(current: string): string[] {
  // The server's snapshot must be the same array on every call (React warns of an infinite loop otherwise).
  const initial = useMemo(() => [current], [current]);
  return useSyncExternalStore(
    noSubscription,
    () => browserTimeZones(current),
    () => initial,
  );
}

let cached: { current: string; zones: string[] } | undefined;
function browserTimeZones(current: string): string[] {
  if (cached?.current !== current) {
    const zones = Intl.supportedValuesOf('timeZone');
    cached = { current, zones: zones.includes(current) ? zones : [current, ...zones] };
  }
  return cached.zones;
}

export function PreferencesForm(props: { locale: string; timeZone: string; locales: { value: string; label: string }[] }) {
  const t = useTranslations('settings');
  const timeZones = useTimeZones(props.timeZone);
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
        {timeZones.map((z) => (
          <option key={z} value={z}>
            {z.replaceAll('_', ' ')}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </ActionForm>
  );
}
