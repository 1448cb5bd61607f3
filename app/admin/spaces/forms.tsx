'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Checkbox, SelectField, TextArea, TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { SECTORS, SPACE_ACCESS } from '@/lib/values';
import type { Sector, SpaceAccessKind } from '@/lib/validation/discussions';
import { addMemberAction, createSpaceAction, updateSpaceAction } from './actions';

interface SpaceValues {
  id?: string;
  name: string;
  description: string;
  access: SpaceAccessKind;
  sectors: Sector[];
  position: number;
  chathamHouse?: boolean;
}

/** Create (no id) or edit a space. */
export function SpaceForm({ space }: { space?: SpaceValues }) {
  const t = useTranslations('discussions');
  const tSectors = useTranslations('common.sectors');
  const [state, action] = useActionState(space?.id ? updateSpaceAction : createSpaceAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action}>
      {space?.id ? <input type="hidden" name="spaceId" value={space.id} /> : null}
      <TextField name="name" label={t('admin.name')} defaultValue={space?.name} errors={errors?.name} maxLength={120} dir="auto" required />
      <TextArea
        name="description"
        label={t('admin.description')}
        defaultValue={space?.description}
        errors={errors?.description}
        maxLength={1000}
        rows={3}
        dir="auto"
      />
      <SelectField name="access" label={t('admin.access')} defaultValue={space?.access ?? 'open'} errors={errors?.access}>
        {SPACE_ACCESS.map((a) => (
          <option key={a} value={a}>
            {t(`access.${a}`)}
          </option>
        ))}
      </SelectField>
      <fieldset className="space-y-2" aria-describedby="sectors-hint">
        <legend className="text-sm font-medium text-slate-800">{t('admin.sectors')}</legend>
        <p id="sectors-hint" className="text-sm text-slate-600">
          {t('admin.sectorsHint')}
        </p>
        {SECTORS.map((s) => (
          <Checkbox key={s} id={`sector-${s}`} name="sectors" value={s} label={tSectors(s)} defaultChecked={space?.sectors.includes(s)} />
        ))}
        {errors?.sectors ? <p className="text-sm font-medium text-red-700">{errors.sectors.join(' ')}</p> : null}
      </fieldset>
      <TextField
        name="position"
        type="number"
        min={0}
        max={1000}
        label={t('admin.position')}
        defaultValue={String(space?.position ?? 0)}
        errors={errors?.position}
      />
      <div className="space-y-1">
        <Checkbox
          name="chathamHouse"
          label={t('admin.chathamHouse')}
          defaultChecked={space?.chathamHouse}
          errors={errors?.chathamHouse}
          aria-describedby="chatham-house-hint"
        />
        <p id="chatham-house-hint" className="ps-6 text-sm text-slate-600">
          {t('admin.chathamHouseHint')}
        </p>
      </div>
      <SubmitButton pendingLabel={space?.id ? t('editor.saving') : t('admin.creating')}>
        {space?.id ? t('admin.save') : t('admin.createSubmit')}
      </SubmitButton>
    </ActionForm>
  );
}

export function AddMemberForm({ spaceId }: { spaceId: string }) {
  const t = useTranslations('discussions.admin');
  const [state, action] = useActionState(addMemberAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action} className="space-y-3">
      <input type="hidden" name="spaceId" value={spaceId} />
      <TextField
        name="email"
        type="email"
        label={t('email')}
        errors={errors?.email}
        defaultValue={state && !state.ok ? state.values?.email : ''}
        autoComplete="off"
        required
      />
      <Checkbox name="manager" label={t('asManager')} />
      <SubmitButton pendingLabel={t('add')}>{t('add')}</SubmitButton>
    </ActionForm>
  );
}
