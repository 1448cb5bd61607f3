'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { updateResourceAction } from '../../actions';
import { MetadataFields, type MetadataOptions, type MetadataValues } from '../../_components/metadata-fields';

export function EditResourceForm({ resourceId, url, values, options }: { resourceId: string; url: string | null; values: MetadataValues; options: MetadataOptions }) {
  const t = useTranslations('resources.form');
  const [state, action] = useActionState(updateResourceAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="resourceId" value={resourceId} />
      {url !== null ? (
        <TextField name="url" type="url" inputMode="url" label={t('url')} hint={t('urlHint')} maxLength={2000} required defaultValue={url} errors={errors?.url} />
      ) : null}
      <MetadataFields values={values} options={options} errors={errors} />
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </ActionForm>
  );
}
