'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { refusedFor } from '@/lib/action-state';
import { Editor } from '@/app/(member)/threads/_components/editor';
import { MentionBox } from '@/app/(member)/threads/_components/mention-box';
import { ReasonForm } from '@/app/_components/ui/action-forms';
import { Button } from '@/app/_components/ui/button';
import { TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { addPeopleAction, editMessageAction, reportMessageAction, sendMessageAction, startConversationAction } from '../actions';
import { AttachmentsPicker } from './attachments';

export interface Person {
  id: string;
  name: string;
  organisationName: string;
}

/**
 * The people a conversation is with: a type-ahead over the people the viewer may write to (the server
 * applies the directory's rule and blocks), and the chosen ones as a list with a remove button each.
 */
function PeoplePicker({ name, initial = [], errors }: { name: string; initial?: Person[]; errors?: string[] }) {
  const t = useTranslations('messages.new');
  const [people, setPeople] = useState<Person[]>(initial);
  const [announce, setAnnounce] = useState('');
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">{t('people')}</legend>
      {people.length ? (
        <ul className="flex flex-wrap gap-2" aria-label={t('chosen')}>
          {people.map((p) => (
            <li key={p.id} className="flex items-center gap-1 rounded-full bg-brand-50 ps-3 pe-1 text-sm">
              <input type="hidden" name={name} value={p.id} />
              <bdi className="font-medium">{p.name}</bdi>
              <Button
                variant="ghost"
                className="min-h-8 px-2"
                aria-label={t('remove', { name: p.name })}
                onClick={() => {
                  setPeople((list) => list.filter((x) => x.id !== p.id));
                  setAnnounce(t('removed', { name: p.name }));
                }}
              >
                <span aria-hidden>×</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t('nobody')}</p>
      )}
      {errors?.length ? (
        <p className="text-sm text-red-700" role="alert">
          {errors.join(' ')}
        </p>
      ) : null}
      <MentionBox
        lookup={{ path: '/messages/people', params: {}, label: t('find'), hint: t('findHint'), none: t('findNone') }}
        onPick={(p) => {
          setPeople((list) => (list.some((x) => x.id === p.id) ? list : [...list, p]));
          setAnnounce(t('added', { name: p.name }));
        }}
      />
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
    </fieldset>
  );
}

export function NewConversationForm({ initial, leftOut, maxMb }: { initial: Person[]; leftOut?: string[]; maxMb: number }) {
  const t = useTranslations('messages.new');
  const [state, action] = useActionState(startConversationAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <ActionForm state={state} action={action}>
      <PeoplePicker name="recipients" initial={initial} errors={errors?.recipients ?? (state ? undefined : leftOut)} />
      <TextField
        name="subject"
        label={t('subject')}
        hint={t('subjectHint')}
        errors={errors?.subject}
        defaultValue={values?.subject}
        maxLength={200}
        dir="auto"
      />
      <Editor label={t('body')} errors={errors?.body} defaultValue={values?.body} identifying={refusedFor(state)} />
      <AttachmentsPicker maxMb={maxMb} errors={errors?.attachments} />
      <SubmitButton pendingLabel={t('sending')}>{t('send')}</SubmitButton>
    </ActionForm>
  );
}

export function ComposeForm({ conversationId, maxMb }: { conversationId: string; maxMb: number }) {
  const t = useTranslations('messages.conversation');
  const [state, action] = useActionState(sendMessageAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="conversationId" value={conversationId} />
      <Editor
        conversationId={conversationId}
        label={t('write')}
        errors={errors?.body}
        defaultValue={state && !state.ok ? state.values?.body : ''}
        identifying={refusedFor(state)}
      />
      <AttachmentsPicker maxMb={maxMb} errors={errors?.attachments} />
      <SubmitButton pendingLabel={t('sending')}>{t('send')}</SubmitButton>
    </ActionForm>
  );
}

export function EditMessageForm({ messageId, conversationId, body }: { messageId: string; conversationId: string; body: string }) {
  const t = useTranslations('messages.conversation');
  const [state, action] = useActionState(editMessageAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="messageId" value={messageId} />
      <Editor
        conversationId={conversationId}
        label={t('editLabel')}
        errors={errors?.body}
        defaultValue={state && !state.ok ? (state.values?.body ?? body) : body}
        identifying={refusedFor(state)}
      />
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </ActionForm>
  );
}

export function AddPeopleForm({ conversationId }: { conversationId: string }) {
  const t = useTranslations('messages.group');
  const [state, action] = useActionState(addPeopleAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action} className="space-y-3">
      <input type="hidden" name="conversationId" value={conversationId} />
      <PeoplePicker key={state?.ok ? 'done' : 'open'} name="people" errors={errors?.people} />
      <p className="text-sm text-slate-600">{t('historyNote')}</p>
      <SubmitButton variant="secondary" pendingLabel={t('adding')}>
        {t('add')}
      </SubmitButton>
    </ActionForm>
  );
}

export function ReportMessageForm({ messageId }: { messageId: string }) {
  const t = useTranslations('messages.report');
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">{t('note')}</p>
      <ReasonForm
        action={reportMessageAction}
        fields={{ messageId }}
        name="reason"
        label={t('reason')}
        submit={t('submit')}
        pendingLabel={t('sending')}
        maxLength={500}
      />
    </div>
  );
}
