'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { changePasswordAction } from './actions';

export function ChangePasswordForm() {
  const t = useTranslations('settings');
  const [state, action] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action}>
      <TextField
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        label={t('currentPassword')}
        errors={errors?.currentPassword}
        required
      />
      <TextField name="password" type="password" autoComplete="new-password" label={t('newPassword')} errors={errors?.password} required />
      <TextField
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        label={t('confirmPassword')}
        errors={errors?.confirmPassword}
        required
      />
      <SubmitButton pendingLabel={t('changing')}>{t('changePassword')}</SubmitButton>
    </ActionForm>
  );
}
