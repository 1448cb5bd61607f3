'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { CheckboxGroup } from '@/app/_components/ui/checkbox-group';
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

function Toggle({
  name,
  label,
  hint,
  checked,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
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
      <TextField
        name="name"
        label={t('name')}
        required
        maxLength={120}
        autoComplete="name"
        dir="auto"
        defaultValue={value('name', saved.name)}
        errors={errors?.name}
      />
      <TextField
        name="pronouns"
        label={t('pronouns')}
        hint={t('pronounsHint')}
        maxLength={40}
        dir="auto"
        defaultValue={value('pronouns', saved.pronouns)}
        errors={errors?.pronouns}
      />
      <TextField
        name="jobTitle"
        label={t('jobTitle')}
        required
        maxLength={120}
        autoComplete="organization-title"
        dir="auto"
        defaultValue={value('jobTitle', saved.jobTitle)}
        errors={errors?.jobTitle}
      />
      <TextArea
        name="bio"
        label={t('bio')}
        hint={t('bioHint')}
        rows={8}
        maxLength={5000}
        dir="auto"
        defaultValue={value('bio', saved.bio)}
        errors={errors?.bio}
      />
      <CheckboxGroup
        name="expertise"
        legend={t('expertise')}
        hint={t('expertiseHint')}
        options={expertise}
        value={chosenExpertise}
        onChange={setExpertise}
        errors={errors?.expertise}
      />
      <CheckboxGroup
        name="languages"
        compact
        legend={t('languages')}
        options={languages}
        value={chosenLanguages}
        onChange={setLanguages}
        errors={errors?.languages}
      />
      <TextField
        name="phone"
        type="tel"
        label={t('phone')}
        hint={t('phoneHint')}
        maxLength={40}
        autoComplete="tel"
        defaultValue={value('phone', saved.phone)}
        errors={errors?.phone}
      />
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
