'use client';

import { useTranslations } from 'next-intl';
import { TLP_MARKINGS } from '@/lib/values';
import { submittedList } from '@/lib/action-state';
import { useActionState, useState } from 'react';
import { SelectField, TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { createResourceAction } from '../actions';
import { FileUpload } from '../_components/file-upload';
import { MetadataFields, type MetadataOptions } from '../_components/metadata-fields';

export function ContributeForm({
  options,
  maxMb,
  accept,
  organisations,
  ownOrganisationId,
}: {
  options: MetadataOptions;
  maxMb: number;
  accept: string;
  /** Offered to admins only. */
  organisations: { id: string; name: string }[] | null;
  ownOrganisationId: string;
}) {
  const t = useTranslations('resources.form');
  const [state, action] = useActionState(createResourceAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors;
  const [kind, setKind] = useState<'file' | 'link'>(failed?.values?.kind === 'link' ? 'link' : 'file');
  // The radios are uncontrolled, their default following the choice: React resets a form after its action
  // runs, and a controlled radio would then show the first choice while the form keeps the other's fields.
  const v = (name: string) => failed?.values?.[name] ?? '';
  const list = (name: string) => submittedList(state, name);
  const values = {
    title: v('title'),
    description: v('description'),
    type: v('type'),
    topics: list('topics'),
    languages: list('languages'),
    year: v('year'),
    visibility: v('visibility'),
    sectors: list('sectors'),
    spaceId: v('spaceId'),
    marking: { marking: TLP_MARKINGS.find((m) => m === v('marking')) ?? ('green' as const), organisations: [], people: [] },
  };

  return (
    <ActionForm state={state} action={action}>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t('kind')}</legend>
        {(['file', 'link'] as const).map((k) => (
          <div key={k} className="flex items-center gap-2">
            <input type="radio" id={`kind-${k}`} name="kind" value={k} defaultChecked={kind === k} onChange={() => setKind(k)} className="size-4" />
            <label htmlFor={`kind-${k}`} className="text-sm text-slate-800">
              {k === 'file' ? t('kindFile') : t('kindLink')}
            </label>
          </div>
        ))}
      </fieldset>
      {kind === 'file' ? (
        <FileUpload maxMb={maxMb} accept={accept} errors={errors?.file ?? errors?.fileId} label={t('file')} />
      ) : (
        <TextField
          name="url"
          type="url"
          inputMode="url"
          label={t('url')}
          hint={t('urlHint')}
          maxLength={2000}
          required
          defaultValue={v('url')}
          errors={errors?.url}
        />
      )}
      <MetadataFields values={values} options={options} errors={errors} identifying={failed?.identifying} />
      {organisations ? (
        <SelectField
          name="organisationId"
          label={t('organisation')}
          hint={t('organisationHint')}
          defaultValue={v('organisationId') || ownOrganisationId}
          errors={errors?.organisationId}
        >
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </ActionForm>
  );
}
