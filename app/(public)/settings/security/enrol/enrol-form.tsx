'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { FactorAdded, FactorNameField } from '@/app/_components/recovery-codes';
import { enrolTotpAction } from './actions';

export function EnrolTotpForm({ token, next }: { token: string; next: string }) {
  const t = useTranslations('security.enrol');
  const [state, action] = useActionState(enrolTotpAction, null);
  if (state?.ok) {
    return (
      <FactorAdded
        message={state.message}
        codes={state.data.recoveryCodes}
        next={state.data.next}
        labels={{ continue: t('continue'), continueSaved: t('continueSaved') }}
      />
    );
  }
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="next" value={next} />
      <FactorNameField labels={{ label: t('name'), hint: t('nameHint'), fallback: t('nameDefault') }} value={values?.name} errors={errors?.name} />
      <TextField name="code" label={t('code')} autoComplete="one-time-code" inputMode="numeric" maxLength={7} required errors={errors?.code} />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </ActionForm>
  );
}
