'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { addVersionAction, deleteResourceAction } from '../actions';
import { FileUpload } from '../_components/file-upload';

export function NewVersionForm({ resourceId, maxMb, accept }: { resourceId: string; maxMb: number; accept: string }) {
  const t = useTranslations('resources.detail');
  const [state, action] = useActionState(addVersionAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action} className="space-y-4" key={state?.ok ? state.message : 'form'}>
      <input type="hidden" name="resourceId" value={resourceId} />
      <p className="text-sm text-slate-600">{t('newVersionHint')}</p>
      <FileUpload maxMb={maxMb} accept={accept} errors={errors?.file ?? errors?.fileId} label={t('newFile')} />
      <TextField name="note" label={t('note')} maxLength={300} errors={errors?.note} dir="auto" />
      <SubmitButton pendingLabel={t('addingVersion')}>{t('addVersion')}</SubmitButton>
    </ActionForm>
  );
}

export function DeleteResourceForm({ resourceId }: { resourceId: string }) {
  const t = useTranslations('resources.detail');
  const [state, action] = useActionState(deleteResourceAction, null);
  return (
    <ActionForm state={state} action={action} className="space-y-3">
      <input type="hidden" name="resourceId" value={resourceId} />
      <p className="text-sm text-slate-700">{t('deleteText')}</p>
      <SubmitButton variant="danger" pendingLabel={t('deleting')}>
        {t('delete')}
      </SubmitButton>
    </ActionForm>
  );
}
