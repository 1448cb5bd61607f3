'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { secondFactorAction } from './actions';

export function SecondFactorForm({ next }: { next: string }) {
  const t = useTranslations('security.signIn');
  const [state, action] = useActionState(secondFactorAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="next" value={next} />
      <TextField
        name="code"
        label={t('code')}
        hint={t('codeHint')}
        autoComplete="one-time-code"
        inputMode="text"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={20}
        required
        errors={errors?.code}
      />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </ActionForm>
  );
}
