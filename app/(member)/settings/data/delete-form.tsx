'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { deleteOwnAccountAction } from './actions';

/** Deleting one's own account: the email typed again, then (when the last check is old) the password or a code. */
export function DeleteAccountForm() {
  const t = useTranslations('privacy.delete');
  const [state, action] = useActionState(deleteOwnAccountAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action} className="space-y-4">
      <TextField
        name="confirmEmail"
        type="email"
        autoComplete="off"
        label={t('confirmLabel')}
        hint={t('confirmHint')}
        errors={errors?.confirmEmail}
        defaultValue={state && !state.ok ? (state.values?.confirmEmail as string | undefined) : undefined}
        required
      />
      <SubmitButton variant="danger" pendingLabel={t('deleting')}>
        {t('submit')}
      </SubmitButton>
    </ActionForm>
  );
}
