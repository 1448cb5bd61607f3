'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { reverificationDateAction } from './actions';

/** An organisation's next re-verification date, which an admin may move. */
export function ReverificationDateForm({ organisationId, name, dueOn }: { organisationId: string; name: string; dueOn: string | null }) {
  const t = useTranslations('reverification.admin');
  const [state, action] = useActionState(reverificationDateAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="organisationId" value={organisationId} />
      <TextField
        name="dueOn"
        id={`due-${organisationId}`}
        type="date"
        label={t('dateFor', { name })}
        defaultValue={dueOn ?? ''}
        required
        errors={errors?.dueOn}
      />
      <SubmitButton variant="secondary" pendingLabel={t('saving')}>
        {t('saveDate')}
        <span className="sr-only">: {name}</span>
      </SubmitButton>
    </ActionForm>
  );
}
