'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { TextArea, TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { updateProfileAction } from './actions';

interface Saved {
  name: string;
  pronouns: string;
  jobTitle: string;
  bio: string;
  phone: string;
  expertise: string[];
  languages: string[];
  listed: boolean;
  showEmail: boolean;
  showPhone: boolean;
}

type Option = { value: string; label: string };

/** A group of checkboxes (controlled, so a failed save keeps what was ticked). */
function CheckGroup({ name, legend, hint, options, value, onChange, errors }: {
  name: string;
  legend: string;
  hint?: string;
  options: Option[];
  value: string[];
  onChange: (next: string[]) => void;
  errors?: string[];
}) {
  return (
    <fieldset className="space-y-2" aria-describedby={[hint ? `${name}-hint` : '', errors?.length ? `${name}-error` : ''].join(' ').trim() || undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
        {options.map((o) => (
          <div key={o.value} className="flex items-start gap-2">
            <input
              id={`${name}-${o.value}`}
              type="checkbox"
              name={name}
              value={o.value}
              checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
              aria-invalid={errors?.length ? true : undefined}
              className="mt-1 size-4 rounded border-slate-300"
            />
            <label htmlFor={`${name}-${o.value}`} className="text-sm text-slate-800">
              {o.label}
            </label>
          </div>
        ))}
      </div>
      {errors?.length ? (
        <p id={`${name}-error`} className="text-sm font-medium text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

function Toggle({ name, label, hint, checked, onChange }: { name: string; label: string; hint?: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className="flex items-start gap-2">
      <input
        id={`field-${name}`}
        type="checkbox"
        name={name}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${name}-hint` : undefined}
        className="mt-1 size-4 rounded border-slate-300"
      />
      <div>
        <label htmlFor={`field-${name}`} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {hint ? (
          <p id={`${name}-hint`} className="text-sm text-slate-600">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function ProfileForm({ saved, expertise, languages }: { saved: Saved; expertise: Option[]; languages: Option[] }) {
  const t = useTranslations('profile');
  const [state, action] = useActionState(updateProfileAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors;
  const value = (name: keyof Saved & string, fallback: string) => (failed ? (failed.values?.[name] ?? '') : fallback);
  const [chosenExpertise, setExpertise] = useState(saved.expertise);
  const [chosenLanguages, setLanguages] = useState(saved.languages);
  const [listed, setListed] = useState(saved.listed);
  const [showEmail, setShowEmail] = useState(saved.showEmail);
  const [showPhone, setShowPhone] = useState(saved.showPhone);

  return (
    <ActionForm state={state} action={action}>
      <TextField name="name" label={t('name')} required maxLength={120} autoComplete="name" dir="auto" defaultValue={value('name', saved.name)} errors={errors?.name} />
      <TextField name="pronouns" label={t('pronouns')} hint={t('pronounsHint')} maxLength={40} dir="auto" defaultValue={value('pronouns', saved.pronouns)} errors={errors?.pronouns} />
      <TextField name="jobTitle" label={t('jobTitle')} required maxLength={120} autoComplete="organization-title" dir="auto" defaultValue={value('jobTitle', saved.jobTitle)} errors={errors?.jobTitle} />
      <TextArea name="bio" label={t('bio')} hint={t('bioHint')} rows={8} maxLength={5000} dir="auto" defaultValue={value('bio', saved.bio)} errors={errors?.bio} />
      <CheckGroup name="expertise" legend={t('expertise')} hint={t('expertiseHint')} options={expertise} value={chosenExpertise} onChange={setExpertise} errors={errors?.expertise} />
      <CheckGroup name="languages" legend={t('languages')} options={languages} value={chosenLanguages} onChange={setLanguages} errors={errors?.languages} />
      <TextField name="phone" type="tel" label={t('phone')} hint={t('phoneHint')} maxLength={40} autoComplete="tel" defaultValue={value('phone', saved.phone)} errors={errors?.phone} />
      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t('privacy')}</legend>
        <Toggle name="listed" label={t('listed')} hint={t('listedHint')} checked={listed} onChange={setListed} />
        <Toggle name="showEmail" label={t('showEmail')} checked={showEmail} onChange={setShowEmail} />
        <Toggle name="showPhone" label={t('showPhone')} checked={showPhone} onChange={setShowPhone} />
      </fieldset>
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </ActionForm>
  );
}
