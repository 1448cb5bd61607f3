'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { inviteAction } from '../actions';

/** A focal point invites a colleague by email; the form empties once the invitation is sent. */
export function InviteForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations('people.invite');
  const [state, action] = useActionState(inviteAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <ActionForm state={state} action={action} className="max-w-xl space-y-3">
      <input type="hidden" name="organisationId" value={organisationId} />
      <TextField
        key={state?.ok ? 'sent' : (failed?.values?.email ?? '')}
        name="email"
        type="email"
        label={t('email')}
        hint={t('emailHint')}
        autoComplete="off"
        maxLength={254}
        required
        errors={failed?.fieldErrors?.email}
        defaultValue={failed?.values?.email}
      />
      <SubmitButton pendingLabel={t('sending')}>{t('send')}</SubmitButton>
    </ActionForm>
  );
}
