'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Checkbox, SelectField, TextArea, TextField } from '@/app/_components/ui/field';
import { OFFERED_VISIBILITIES, RESOURCE_TYPES, SECTORS } from '@/lib/validation/resources';

export interface MetadataValues {
  title: string;
  description: string;
  type: string;
  topics: string[];
  languages: string[];
  year: string;
  visibility: string;
  sectors: string[];
  spaceId: string;
}

export interface MetadataOptions {
  topics: { slug: string; label: string }[];
  languages: { code: string; name: string }[];
  /** Discussion spaces the member reads (a resource can be shared with one). */
  spaces: { id: string; name: string }[];
}

/** A group of checkboxes with a legend (topics, languages, sectors). */
function CheckboxGroup({ name, legend, hint, options, checked, errors, compact = false }: {
  name: string;
  /** Short labels (languages): two columns even on a phone. */
  compact?: boolean;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  checked: string[];
  errors?: string[];
}) {
  return (
    <fieldset className="space-y-2" aria-describedby={errors?.length ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
      <div className={compact ? 'grid grid-cols-2 gap-1 sm:grid-cols-3 lg:grid-cols-4' : 'grid gap-1 sm:grid-cols-2 lg:grid-cols-3'}>
        {options.map((o) => (
          <Checkbox key={o.value} id={`${name}-${o.value}`} name={name} value={o.value} label={o.label} defaultChecked={checked.includes(o.value)} />
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

/** The metadata of a resource, shared by the contribute and edit forms. */
export function MetadataFields({ values, options, errors }: { values: MetadataValues; options: MetadataOptions; errors?: Record<string, string[]> }) {
  const t = useTranslations('resources');
  const tSectors = useTranslations('common.sectors');
  const [visibility, setVisibility] = useState(values.visibility || 'all_members');
  return (
    <>
      <TextField name="title" label={t('form.titleField')} required minLength={3} maxLength={300} defaultValue={values.title} errors={errors?.title} dir="auto" />
      <TextArea
        name="description"
        label={t('form.description')}
        hint={t('form.descriptionHint')}
        maxLength={20000}
        rows={6}
        defaultValue={values.description}
        errors={errors?.description}
        dir="auto"
      />
      <SelectField name="type" label={t('form.type')} required defaultValue={values.type || 'report'} errors={errors?.type}>
        {RESOURCE_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`types.${type}`)}
          </option>
        ))}
      </SelectField>
      {options.topics.length ? (
        <CheckboxGroup
          name="topics"
          legend={t('form.topics')}
          hint={t('form.topicsHint')}
          options={options.topics.map((o) => ({ value: o.slug, label: o.label }))}
          checked={values.topics}
          errors={errors?.topics}
        />
      ) : (
        <p className="text-sm text-slate-600">{t('form.noTopics')}</p>
      )}
      <CheckboxGroup
        name="languages"
        compact
        legend={t('form.languages')}
        options={options.languages.map((o) => ({ value: o.code, label: o.name }))}
        checked={values.languages}
        errors={errors?.languages}
      />
      <TextField
        name="year"
        type="number"
        inputMode="numeric"
        min={1900}
        max={new Date().getFullYear() + 1}
        label={t('form.year')}
        hint={t('form.yearHint')}
        defaultValue={values.year}
        errors={errors?.year}
        className="max-w-40"
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t('form.visibility')}</legend>
        <p className="text-sm text-slate-600">{t('form.visibilityHint')}</p>
        {OFFERED_VISIBILITIES.filter((v) => v !== 'space' || options.spaces.length > 0).map((v) => (
          <div key={v} className="flex items-center gap-2">
            <input
              type="radio"
              id={`visibility-${v}`}
              name="visibility"
              value={v}
              checked={visibility === v}
              onChange={() => setVisibility(v)}
              className="size-4 text-brand-700"
            />
            <label htmlFor={`visibility-${v}`} className="text-sm text-slate-800">
              {t(`visibility.${v}`)}
            </label>
          </div>
        ))}
        {errors?.visibility ? <p className="text-sm font-medium text-red-700">{errors.visibility.join(' ')}</p> : null}
      </fieldset>
      {visibility === 'sectors' ? (
        <CheckboxGroup
          name="sectors"
          legend={t('form.sectors')}
          options={SECTORS.map((s) => ({ value: s, label: tSectors(s) }))}
          checked={values.sectors}
          errors={errors?.sectors}
        />
      ) : null}
      {visibility === 'space' ? (
        <SelectField name="spaceId" label={t('form.space')} hint={t('form.spaceHint')} required defaultValue={values.spaceId} errors={errors?.spaceId}>
          <option value="">{t('form.chooseSpace')}</option>
          {options.spaces.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
      ) : null}
    </>
  );
}
