'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { acceptGuidelinesAction } from './actions';

/** "I accept": records the version shown, then goes on to where the person was going. */
export function AcceptGuidelinesForm({ version, next }: { version: number; next: string }) {
  const t = useTranslations('guidelines.accept');
  const [state, action] = useActionState(acceptGuidelinesAction, null);
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="next" value={next} />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </ActionForm>
  );
}
