'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { submittedList } from '@/lib/action-state';
import { TLP_MARKINGS } from '@/lib/values';
import { TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { updateResourceAction } from '../../actions';
import { MetadataFields, type MetadataOptions, type MetadataValues } from '../../_components/metadata-fields';

export function EditResourceForm({
  resourceId,
  url,
  values: saved,
  options,
}: {
  resourceId: string;
  url: string | null;
  values: MetadataValues;
  options: MetadataOptions;
}) {
  const t = useTranslations('resources.form');
  const [state, action] = useActionState(updateResourceAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors;
  // After a refused save the form shows what was sent (React resets it to its defaults), not the saved resource.
  const v = (name: keyof MetadataValues & string) => failed?.values?.[name] ?? '';
  const values: MetadataValues = failed
    ? {
        ...saved,
        title: v('title'),
        description: v('description'),
        type: v('type'),
        year: v('year'),
        visibility: v('visibility'),
        spaceId: v('spaceId'),
        topics: submittedList(state, 'topics'),
        languages: submittedList(state, 'languages'),
        sectors: submittedList(state, 'sectors'),
        marking: { ...saved.marking!, marking: TLP_MARKINGS.find((m) => m === v('marking')) ?? saved.marking!.marking },
      }
    : saved;
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="resourceId" value={resourceId} />
      {url !== null ? (
        <TextField
          name="url"
          type="url"
          inputMode="url"
          label={t('url')}
          hint={t('urlHint')}
          maxLength={2000}
          required
          defaultValue={failed ? (failed.values?.url ?? '') : url}
          errors={errors?.url}
        />
      ) : null}
      <MetadataFields values={values} options={options} errors={errors} identifying={failed?.identifying} />
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </ActionForm>
  );
}
