'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextArea } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { joinSpaceAction } from './actions';

export function JoinForm({ spaceId }: { spaceId: string }) {
  const t = useTranslations('discussions.space');
  const [state, action] = useActionState(joinSpaceAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (state?.ok) return <p role="status">{state.message}</p>;
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="spaceId" value={spaceId} />
      <TextArea
        name="message"
        label={t('joinMessage')}
        errors={errors?.message}
        maxLength={500}
        rows={3}
        dir="auto"
        defaultValue={state?.values?.message}
      />
      <SubmitButton pendingLabel={t('joinSending')}>{t('joinSubmit')}</SubmitButton>
    </ActionForm>
  );
}
