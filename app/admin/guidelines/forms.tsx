'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState, useTransition } from 'react';
import { Cooked } from '@/app/_components/cooked';
import { Button } from '@/app/_components/ui/button';
import { SelectField, TextArea } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { CHANGE_SUMMARY_MAX, GUIDELINES_MAX } from '@/lib/values';
import { previewGuidelinesAction, publishGuidelinesAction } from './actions';

/**
 * A new version: the full text in markdown (starting from the version in force), what changed, the
 * language it is written in, and a preview cooked by the server exactly as it would be stored.
 */
export function PublishGuidelinesForm({
  markdown: initial,
  language,
  languages,
}: {
  markdown: string;
  language: string;
  languages: { value: string; label: string }[];
}) {
  const t = useTranslations('guidelines.admin');
  const [state, action] = useActionState(publishGuidelinesAction, null);
  const [markdown, setMarkdown] = useState(initial);
  const [preview, setPreview] = useState<string | null>(null);
  const [previewing, startPreview] = useTransition();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const showPreview = () =>
    startPreview(async () => {
      const fd = new FormData();
      fd.set('markdown', markdown);
      const answer = await previewGuidelinesAction(null, fd);
      setPreview(answer?.ok ? answer.data.html : '');
    });
  return (
    <ActionForm state={state} action={action} className="space-y-5">
      <TextArea
        name="markdown"
        label={t('markdown')}
        hint={t('markdownHint')}
        rows={14}
        dir="auto"
        required
        maxLength={GUIDELINES_MAX}
        value={markdown}
        onChange={(e) => {
          setMarkdown(e.target.value);
          setPreview(null);
        }}
        errors={errors?.markdown}
      />
      <div className="space-y-3">
        <Button variant="secondary" onClick={showPreview} disabled={previewing} aria-controls="guidelines-preview">
          {previewing ? t('previewing') : t('preview')}
        </Button>
        <section id="guidelines-preview" aria-label={t('previewLabel')} aria-live="polite">
          {preview !== null ? (
            <div className="rounded-md border border-slate-300 bg-slate-50 p-4">
              {preview ? <Cooked html={preview} /> : <p className="text-slate-600">{t('previewEmpty')}</p>}
            </div>
          ) : null}
        </section>
      </div>
      <TextArea
        name="changeSummary"
        label={t('changeSummary')}
        hint={t('changeSummaryHint')}
        rows={4}
        dir="auto"
        required
        maxLength={CHANGE_SUMMARY_MAX}
        defaultValue={state && !state.ok ? state.values?.changeSummary : undefined}
        errors={errors?.changeSummary}
      />
      <SelectField name="language" label={t('language')} defaultValue={language} errors={errors?.language}>
        {languages.map((l) => (
          <option key={l.value} value={l.value}>
            {l.label}
          </option>
        ))}
      </SelectField>
      <p className="text-sm text-slate-700">{t('publishWarning')}</p>
      <SubmitButton pendingLabel={t('publishing')}>{t('publish')}</SubmitButton>
    </ActionForm>
  );
}
