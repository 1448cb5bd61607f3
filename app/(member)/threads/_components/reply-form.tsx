'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { refusedFor } from '@/lib/action-state';
import { replyAction } from '../actions';
import { LazyEditor } from './lazy-editor';

/** A thread's reply box, at the end of its page: its editor loads as the box comes near (LazyEditor). */
export function ReplyForm({ threadId, spaceId, quote }: { threadId: string; spaceId: string; quote?: string }) {
  const t = useTranslations('discussions.editor');
  const [state, action] = useActionState(replyAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="threadId" value={threadId} />
      <LazyEditor
        key={quote ?? ''}
        spaceId={spaceId}
        threadId={threadId}
        label={t('replyTitle')}
        errors={errors?.body}
        defaultValue={values?.body ?? quote ?? ''}
        identifying={refusedFor(state)}
      />
      <SubmitButton pendingLabel={t('posting')}>{t('reply')}</SubmitButton>
    </ActionForm>
  );
}
