'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { addExpertiseAreaAction } from './actions';

export function AddExpertiseForm() {
  const t = useTranslations('directory.expertise');
  const [state, action] = useActionState(addExpertiseAreaAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <ActionForm state={state} action={action} className="max-w-xl space-y-4">
      <TextField
        key={failed ? `failed:${failed.values?.label ?? ''}` : 'fresh'}
        name="label"
        label={t('label')}
        required
        minLength={3}
        maxLength={80}
        defaultValue={failed?.values?.label ?? ''}
        errors={failed?.fieldErrors?.label}
      />
      <SubmitButton pendingLabel={t('adding')}>{t('submit')}</SubmitButton>
    </ActionForm>
  );
}
