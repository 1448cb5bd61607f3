'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { forgotPasswordAction } from './actions';

export function ForgotForm() {
  const t = useTranslations('auth.forgot');
  const [state, action] = useActionState(forgotPasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <ActionForm state={state} action={action}>
      <TextField
        key={`e-${values?.email}`}
        name="email"
        type="email"
        label={t('email')}
        autoComplete="email"
        required
        errors={errors?.email}
        defaultValue={values?.email}
      />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </ActionForm>
  );
}
