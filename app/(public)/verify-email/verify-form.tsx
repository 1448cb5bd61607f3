'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { DonePanel } from '@/app/_components/ui/done-panel';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { TextField } from '@/app/_components/ui/field';
import type { ActionState } from '@/lib/action-state';
import { resendVerificationAction } from './actions';

/**
 * Confirming an emailed link (a new account's address, or a new address) takes a click (a POST), so mail
 * scanners that open links cannot use up the single-use token.
 */
export function TokenForm({
  token,
  namespace,
  action: serverAction,
}: {
  token: string;
  namespace: 'auth.verify' | 'auth.confirmEmail';
  action: (state: ActionState<undefined>, formData: FormData) => Promise<ActionState<undefined>>;
}) {
  const t = useTranslations(namespace);
  const [state, action] = useActionState(serverAction, null);
  if (state?.ok) return <DonePanel title={t('doneTitle')} text={t('doneText')} />;
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="token" value={token} />
      <p className="text-slate-700">{t('text')}</p>
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </ActionForm>
  );
}

/** An expired or lost link is not a dead end: a new one goes to an address still waiting for confirmation. */
export function ResendForm() {
  const t = useTranslations('auth.verify');
  const [state, action] = useActionState(resendVerificationAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action}>
      <TextField
        name="email"
        type="email"
        autoComplete="email"
        label={t('resendEmail')}
        defaultValue={state && !state.ok ? state.values?.email : undefined}
        errors={errors?.email}
        required
      />
      <SubmitButton variant="secondary" pendingLabel={t('resending')}>
        {t('resend')}
      </SubmitButton>
    </ActionForm>
  );
}
