'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { reportAction } from '../../../../actions';

/** Reporting a post to the moderators, with a reason. */
export function ReportForm({ postId }: { postId: string }) {
  const t = useTranslations('discussions.report');
  const [state, action] = useActionState(reportAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (state?.ok) {
    return (
      <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
        {state.message}
      </p>
    );
  }
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="postId" value={postId} />
      <TextField name="reason" label={t('reason')} errors={errors?.reason} maxLength={500} defaultValue={state?.values?.reason} dir="auto" required />
      <SubmitButton pendingLabel={t('sending')}>{t('submit')}</SubmitButton>
    </ActionForm>
  );
}
