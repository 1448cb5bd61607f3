'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { changeEmailAction } from './actions';

/** A new email address takes effect once the link sent to it is followed. */
export function ChangeEmailForm() {
  const t = useTranslations('settings');
  const [state, action] = useActionState(changeEmailAction, null);
  const failed = state && !state.ok ? state : undefined;
  return (
    <ActionForm state={state} action={action}>
      <TextField
        key={failed?.values?.email ?? ''}
        name="email"
        type="email"
        autoComplete="email"
        label={t('newEmail')}
        defaultValue={failed?.values?.email}
        errors={failed?.fieldErrors?.email}
        required
      />
      <TextField
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        label={t('currentPassword')}
        errors={failed?.fieldErrors?.currentPassword}
        required
      />
      <SubmitButton pendingLabel={t('changing')}>{t('changeEmail')}</SubmitButton>
    </ActionForm>
  );
}
