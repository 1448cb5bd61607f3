'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { MarkingFields, type MarkingInitial } from '@/app/(member)/_components/marking-fields';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { threadMarkingAction } from '../actions';

/** The thread's marking, changed by its author or a moderator (the server checks who, and audits). */
export function ThreadMarkingForm({ threadId, initial }: { threadId: string; initial: MarkingInitial }) {
  const t = useTranslations('common.tlp');
  const [state, action] = useActionState(threadMarkingAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <details className="card">
      <summary className="cursor-pointer font-semibold">{t('changeTitle')}</summary>
      <ActionForm state={state} action={action} className="mt-3 space-y-4">
        <input type="hidden" name="threadId" value={threadId} />
        <MarkingFields subject="thread" initial={initial} errors={errors} />
        <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
      </ActionForm>
    </details>
  );
}
