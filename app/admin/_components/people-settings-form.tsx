'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Checkbox, SelectField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { ENDORSEMENT_WAIT_CHOICES } from '@/lib/values';
import { peopleSettingsAction } from '../settings-actions';

/** The two settings of focal points' endorsement (decision 018). */
export function PeopleSettingsForm({ waitDays, skipApproval }: { waitDays: number; skipApproval: boolean }) {
  const t = useTranslations('people.settings');
  const [state, action] = useActionState(peopleSettingsAction, null);
  return (
    <ActionForm state={state} action={action} className="space-y-4">
      <SelectField name="endorsementWaitDays" label={t('waitDays')} hint={t('waitDaysHint')} defaultValue={String(waitDays)}>
        {ENDORSEMENT_WAIT_CHOICES.map((days) => (
          <option key={days} value={days}>
            {t('days', { count: Number(days) })}
          </option>
        ))}
      </SelectField>
      <Checkbox name="invitationsSkipApproval" defaultChecked={skipApproval} label={t('skipApproval')} />
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </ActionForm>
  );
}
