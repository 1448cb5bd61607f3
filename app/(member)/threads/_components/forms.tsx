'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId, type ReactNode } from 'react';
import type { ActionState } from '@/lib/action-state';
import { Checkbox, SelectField, TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { createThreadAction, editPostAction, replyAction, reportAction } from '../actions';
import { Editor } from './editor';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any action, whatever its data
type Action = (state: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;

/** One button that runs a server action with a few hidden fields, showing its answer beside it. */
export function ActionButton({
  action,
  fields,
  children,
  pendingLabel,
  variant = 'secondary',
  className,
}: {
  action: Action;
  fields: Record<string, string>;
  children: ReactNode;
  pendingLabel: ReactNode;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  className?: string;
}) {
  const [state, run] = useActionState(action, null);
  return (
    <ActionForm state={state} action={run} className={className ?? 'space-y-2'}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {children}
      </SubmitButton>
    </ActionForm>
  );
}

/** A one-line text field and a button (hide with reason, mark urgent with reason, move). */
export function ReasonForm({
  action,
  fields,
  name,
  label,
  submit,
  pendingLabel,
  variant = 'secondary',
  maxLength = 200,
}: {
  action: Action;
  fields: Record<string, string>;
  name: string;
  label: string;
  submit: string;
  pendingLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
  maxLength?: number;
}) {
  const [state, run] = useActionState(action, null);
  const id = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={run} className="space-y-2">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <TextField id={id} name={name} label={label} errors={errors?.[name]} maxLength={maxLength} defaultValue={state && !state.ok ? state.values?.[name] : ''} dir="auto" required />
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {submit}
      </SubmitButton>
    </ActionForm>
  );
}

export function MoveForm({ action, threadId, spaces }: { action: Action; threadId: string; spaces: { id: string; name: string }[] }) {
  const t = useTranslations('discussions.moderation');
  const [state, run] = useActionState(action, null);
  const id = useId();
  return (
    <ActionForm state={state} action={run} className="space-y-2">
      <input type="hidden" name="threadId" value={threadId} />
      <SelectField name="spaceId" label={t('move')} id={id}>
        {spaces.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <SubmitButton variant="secondary" pendingLabel={t('moveSubmit')}>
        {t('moveSubmit')}
      </SubmitButton>
    </ActionForm>
  );
}

export function NewThreadForm({ spaceId }: { spaceId: string }) {
  const t = useTranslations('discussions.editor');
  const [state, action] = useActionState(createThreadAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="spaceId" value={spaceId} />
      <TextField name="title" label={t('title')} errors={errors?.title} defaultValue={values?.title} maxLength={200} dir="auto" required />
      <Editor spaceId={spaceId} label={t('body')} errors={errors?.body} defaultValue={values?.body} />
      <fieldset className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-4">
        <legend className="px-1 text-sm font-semibold text-amber-900">{t('urgent')}</legend>
        <p className="text-sm text-amber-900">{t('urgentHint')}</p>
        <Checkbox name="urgent" label={t('urgent')} defaultChecked={values?.urgent === 'on'} errors={errors?.urgent} />
        <TextField name="urgentReason" label={t('urgentReason')} errors={errors?.urgentReason} defaultValue={values?.urgentReason} maxLength={200} dir="auto" />
      </fieldset>
      <SubmitButton pendingLabel={t('posting')}>{t('post')}</SubmitButton>
    </ActionForm>
  );
}

export function ReplyForm({ threadId, spaceId, quote }: { threadId: string; spaceId: string; quote?: string }) {
  const t = useTranslations('discussions.editor');
  const [state, action] = useActionState(replyAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="threadId" value={threadId} />
      <Editor key={quote ?? ''} spaceId={spaceId} label={t('replyTitle')} errors={errors?.body} defaultValue={values?.body ?? quote ?? ''} />
      <SubmitButton pendingLabel={t('posting')}>{t('reply')}</SubmitButton>
    </ActionForm>
  );
}

export function EditPostForm({ postId, spaceId, body }: { postId: string; spaceId: string; body: string }) {
  const t = useTranslations('discussions.editor');
  const [state, action] = useActionState(editPostAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="postId" value={postId} />
      <Editor spaceId={spaceId} label={t('body')} errors={errors?.body} defaultValue={state && !state.ok ? (state.values?.body ?? body) : body} />
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </ActionForm>
  );
}

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
