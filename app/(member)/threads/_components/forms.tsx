'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Checkbox, SelectField, TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { createThreadAction, editPostAction } from '../actions';
import { refusedFor } from '@/lib/action-state';
import { Editor } from './editor';
import { useIdentifying } from './identifying-notice';
import { MarkingFields } from '@/app/(member)/_components/marking-fields';
import { TLP_MARKINGS, type TlpMarking } from '@/lib/values';

/**
 * A new thread: title, language (the author's interface language unless they choose another), body, urgency, TLP marking.
 * A thread is its title and first post: the title is checked for identifying details too, listed in the body's notice.
 */
export function NewThreadForm({
  spaceId,
  language,
  languages,
  spaceChathamHouse = false,
}: {
  spaceId: string;
  language: string;
  languages: { value: string; label: string }[];
  /** The space runs under the Chatham House Rule: so will the thread (no choice to make). */
  spaceChathamHouse?: boolean;
}) {
  const t = useTranslations('discussions.editor');
  const tIdentifying = useTranslations('identifying');
  const [state, action] = useActionState(createThreadAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const [title, setTitle] = useState(values?.title ?? '');
  const inTitle = useIdentifying(title);
  const selectInTitle = (m: { start: number; end: number }) => {
    const field = document.getElementById('field-title') as HTMLInputElement | null;
    field?.focus();
    field?.setSelectionRange(m.start, m.end);
  };
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="spaceId" value={spaceId} />
      <TextField
        name="title"
        label={t('title')}
        errors={errors?.title}
        defaultValue={values?.title}
        maxLength={200}
        dir="auto"
        required
        onFocus={inTitle.start}
        onChange={(e) => setTitle(e.target.value)}
      />
      <SelectField
        name="language"
        label={t('language')}
        hint={t('languageHint')}
        errors={errors?.language}
        defaultValue={values?.language ?? language}
      >
        {languages.map((l) => (
          <option key={l.value} value={l.value}>
            {l.label}
          </option>
        ))}
      </SelectField>
      <Editor
        spaceId={spaceId}
        label={t('body')}
        errors={errors?.body}
        defaultValue={values?.body}
        identifying={refusedFor(state)}
        other={{ label: tIdentifying('inTitle'), matches: inTitle.matches, onSelect: selectInTitle }}
      />
      <fieldset className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-4">
        <legend className="px-1 text-sm font-semibold text-amber-900">{t('urgent')}</legend>
        <p className="text-sm text-amber-900">{t('urgentHint')}</p>
        <Checkbox name="urgent" label={t('urgent')} defaultChecked={values?.urgent === 'on'} errors={errors?.urgent} />
        <TextField
          name="urgentReason"
          label={t('urgentReason')}
          errors={errors?.urgentReason}
          defaultValue={values?.urgentReason}
          maxLength={200}
          dir="auto"
        />
      </fieldset>
      {spaceChathamHouse ? (
        <p className="rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950">{t('chathamSpace')}</p>
      ) : (
        <div className="space-y-1">
          <Checkbox
            name="chathamHouse"
            label={t('chatham')}
            defaultChecked={values?.chathamHouse === 'on'}
            errors={errors?.chathamHouse}
            aria-describedby="chatham-hint"
          />
          <p id="chatham-hint" className="ps-6 text-sm text-slate-600">
            {t('chathamHint')}
          </p>
        </div>
      )}
      <MarkingFields
        subject="thread"
        errors={errors}
        initial={{ marking: TLP_MARKINGS.find((m) => m === values?.marking) ?? ('green' as TlpMarking), organisations: [], people: [] }}
      />
      <SubmitButton pendingLabel={t('posting')}>{t('post')}</SubmitButton>
    </ActionForm>
  );
}

export function EditPostForm({ postId, threadId, spaceId, body }: { postId: string; threadId: string; spaceId: string; body: string }) {
  const t = useTranslations('discussions.editor');
  const [state, action] = useActionState(editPostAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="postId" value={postId} />
      <Editor
        spaceId={spaceId}
        threadId={threadId}
        label={t('body')}
        errors={errors?.body}
        defaultValue={state && !state.ok ? (state.values?.body ?? body) : body}
        identifying={refusedFor(state)}
      />
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </ActionForm>
  );
}
