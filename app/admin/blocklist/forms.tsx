'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import type { ImportReport } from '@/lib/validation/hash-list';
import { inputClass, TextArea, TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { addBlockedHashAction, importBlockedHashesAction, removeBlockedHashAction } from './actions';

export function AddHashForm() {
  const t = useTranslations('blocklist');
  const [state, action] = useActionState(addBlockedHashAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action} className="space-y-4">
      <TextField
        name="hash"
        label={t('hash')}
        hint={t('hashHint')}
        required
        maxLength={80}
        spellCheck={false}
        autoCapitalize="none"
        className="font-mono"
        errors={errors?.hash}
      />
      <TextField name="note" label={t('note')} hint={t('noteHint')} maxLength={300} errors={errors?.note} />
      <SubmitButton pendingLabel={t('adding')}>{t('add')}</SubmitButton>
    </ActionForm>
  );
}

/** The lines an import skipped, each with why (announced under the list field). */
function SkippedLines({ report }: { report: ImportReport }) {
  const t = useTranslations('blocklist');
  if (!report.skippedCount) return null;
  return (
    <div className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900">
      <p className="font-medium">{t('skipped.title', { count: report.skippedCount })}</p>
      <ul className="list-disc space-y-0.5 ps-5">
        {report.skipped.map((s) => (
          <li key={`${s.line}-${s.reason}`}>{t('skipped.line', { line: s.line, reason: t(`skipped.${s.reason}`) })}</li>
        ))}
      </ul>
      {report.skippedCount > report.skipped.length ? <p>{t('skipped.more', { count: report.skippedCount - report.skipped.length })}</p> : null}
    </div>
  );
}

/** A list of hashes pasted, or read from a text or CSV file in the browser (only its text is sent). */
export function ImportHashesForm() {
  const t = useTranslations('blocklist');
  const [state, action] = useActionState(importBlockedHashesAction, null);
  const [text, setText] = useState('');
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const report = state?.ok ? (state.data as ImportReport) : null;
  return (
    <ActionForm state={state} action={action} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="hash-file" className="block text-sm font-medium text-slate-800">
          {t('file')}
        </label>
        <input
          id="hash-file"
          type="file"
          accept=".txt,.csv,.sha256,.md5,text/plain"
          className={inputClass}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) setText(await file.text());
          }}
        />
      </div>
      <TextArea
        name="hashes"
        label={t('hashes')}
        hint={t('hashesHint')}
        rows={8}
        spellCheck={false}
        className="font-mono"
        value={text}
        onChange={(e) => setText(e.target.value)}
        errors={errors?.hashes}
      />
      <div role="status">{report ? <SkippedLines report={report} /> : null}</div>
      <TextField name="note" id="import-note" label={t('note')} maxLength={300} errors={errors?.note} />
      <SubmitButton pendingLabel={t('importing')}>{t('import')}</SubmitButton>
    </ActionForm>
  );
}

export function RemoveHashForm({ id, hash }: { id: string; hash: string }) {
  const t = useTranslations('blocklist');
  const [state, action] = useActionState(removeBlockedHashAction, null);
  return (
    <ActionForm state={state} action={action} className="space-y-1" showSuccess={false}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingLabel={t('removing')}>
        {t('remove')}
        <span className="sr-only"> {hash}</span>
      </SubmitButton>
    </ActionForm>
  );
}
