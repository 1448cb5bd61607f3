'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { Alert } from '@/app/_components/ui/alert';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { verifyEmailAction } from './actions';

/** Confirming takes a click (a POST), so mail scanners that open links cannot use up the single-use token. */
export function VerifyForm({ token }: { token: string }) {
  const t = useTranslations('auth.verify');
  const [state, action] = useActionState(verifyEmailAction, null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state?.ok) doneRef.current?.focus();
  }, [state]);
  if (state?.ok) {
    return (
      <div className="space-y-3">
        <h2 ref={doneRef} tabIndex={-1} className="text-xl font-semibold outline-none">
          {t('doneTitle')}
        </h2>
        <Alert tone="success">{t('doneText')}</Alert>
      </div>
    );
  }
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="token" value={token} />
      <p className="text-slate-700">{t('text')}</p>
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </ActionForm>
  );
}
