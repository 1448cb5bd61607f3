'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Checkbox, SelectField, TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { CHANNELS, PREFERENCE_KINDS } from '@/lib/values';
import { updateNotificationPreferencesAction } from './actions';

type Kind = (typeof PREFERENCE_KINDS)[number];
type Channel = (typeof CHANNELS)[number];

export function NotificationPreferencesForm(props: {
  channels: Record<Kind, Channel>;
  excerpts: boolean;
  digests: boolean;
  pausedUntil: string;
  digestHour: number;
  timeZone: string;
}) {
  const t = useTranslations('notify.settings');
  const [state, action] = useActionState(updateNotificationPreferencesAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action}>
      <fieldset className="space-y-4">
        <legend className="sr-only">{t('kindsTitle')}</legend>
        {PREFERENCE_KINDS.map((kind) => (
          <SelectField
            key={kind}
            name={`channel_${kind}`}
            label={t(`kinds.${kind}`)}
            hint={kind === 'urgent' ? t('urgentHint') : undefined}
            defaultValue={props.channels[kind]}
            errors={errors?.[`channel_${kind}`]}
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channels.${c}`)}
              </option>
            ))}
          </SelectField>
        ))}
      </fieldset>
      <Checkbox name="excerpts" label={t('excerpts')} defaultChecked={props.excerpts} errors={errors?.excerpts} />
      <Checkbox name="digests" label={t('digests')} defaultChecked={props.digests} errors={errors?.digests} />
      <TextField
        name="pausedUntil"
        type="date"
        label={t('pausedUntil')}
        hint={t('pausedUntilHint')}
        defaultValue={props.pausedUntil}
        errors={errors?.pausedUntil}
      />
      <SelectField
        name="digestHour"
        label={t('digestHour')}
        hint={t('digestHourHint', { timeZone: props.timeZone.replaceAll('_', ' ') })}
        defaultValue={String(props.digestHour)}
        errors={errors?.digestHour}
      >
        {Array.from({ length: 24 }, (_, h) => (
          <option key={h} value={h}>
            {`${String(h).padStart(2, '0')}:00`}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </ActionForm>
  );
}
