'use client';

import Link from '@/app/_components/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { TextField } from '@/app/_components/ui/field';
import { signInAction } from './actions';

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations('auth.signIn');
  const [state, action] = useActionState(signInAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <ActionForm state={state} action={action}>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        name="email"
        type="email"
        label={t('email')}
        autoComplete="username"
        required
        errors={errors?.email}
        defaultValue={values?.email}
        key={`e-${values?.email}`}
      />
      <TextField name="password" type="password" label={t('password')} autoComplete="current-password" required errors={errors?.password} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
        <Link href="/forgot-password">{t('forgot')}</Link>
      </div>
    </ActionForm>
  );
}
