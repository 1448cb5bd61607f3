'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { DonePanel } from '@/app/_components/ui/done-panel';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { verifyEmailAction } from './actions';

/** Confirming takes a click (a POST), so mail scanners that open links cannot use up the single-use token. */
export function VerifyForm({ token }: { token: string }) {
  const t = useTranslations('auth.verify');
  const [state, action] = useActionState(verifyEmailAction, null);
  if (state?.ok) return <DonePanel title={t('doneTitle')} text={t('doneText')} />;
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="token" value={token} />
      <p className="text-slate-700">{t('text')}</p>
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </ActionForm>
  );
}
