'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { RecoveryCodes } from '@/app/_components/recovery-codes';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { regenerateRecoveryCodesAction } from './actions';

/** Makes new recovery codes (the old ones stop working) and shows them once. */
export function RegenerateRecoveryCodesForm() {
  const t = useTranslations('security.recovery');
  const [state, action] = useActionState(regenerateRecoveryCodesAction, null);
  return (
    <div className="space-y-4">
      <ActionForm state={state} action={action} className="space-y-3">
        <input type="hidden" name="scope" value="recovery" />
        <SubmitButton variant="secondary" pendingLabel={t('regenerating')}>
          {t('regenerate')}
        </SubmitButton>
      </ActionForm>
      {state?.ok ? <RecoveryCodes codes={state.data} /> : null}
    </div>
  );
}
