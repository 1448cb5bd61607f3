'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { resetPasswordAction } from './actions';

export function ResetForm({ token }: { token: string }) {
  const t = useTranslations('auth.reset');
  const [state, action] = useActionState(resetPasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-600">{t('note')}</p>
      <TextField name="password" type="password" label={t('password')} autoComplete="new-password" required errors={errors?.password} />
      <TextField
        name="confirmPassword"
        type="password"
        label={t('confirmPassword')}
        autoComplete="new-password"
        required
        errors={errors?.confirmPassword}
      />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </ActionForm>
  );
}
