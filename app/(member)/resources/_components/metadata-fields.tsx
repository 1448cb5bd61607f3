'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { IdentifyingNotice, useIdentifying } from '@/app/(member)/threads/_components/identifying-notice';
import { CheckboxGroup } from '@/app/_components/ui/checkbox-group';
import { SelectField, TextArea, TextField } from '@/app/_components/ui/field';
import { HighlightBackdrop } from '@/app/_components/ui/highlight-backdrop';
import { OFFERED_VISIBILITIES, RESOURCE_TYPES, SECTORS } from '@/lib/values';
import { MarkingFields, type MarkingInitial } from '@/app/(member)/_components/marking-fields';

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
  /** The TLP marking and its lists (GREEN when left out). */
  marking?: MarkingInitial;
}

export interface MetadataOptions {
  topics: { slug: string; label: string }[];
  languages: { value: string; label: string }[];
  /** Discussion spaces the member reads (a resource can be shared with one). */
  spaces: { id: string; name: string }[];
}

/**
 * The metadata of a resource, shared by the contribute and edit forms, with its TLP marking. The description is checked for
 * what could identify a victim or a case as it is typed (`identifying`: the kinds the server refused it for).
 */
export function MetadataFields({
  values,
  options,
  errors,
  identifying,
}: {
  values: MetadataValues;
  options: MetadataOptions;
  errors?: Record<string, string[]>;
  identifying?: string[];
}) {
  const t = useTranslations('resources');
  const tSectors = useTranslations('common.sectors');
  // Uncontrolled radios whose default follows the choice, so it survives the form's reset after a refusal.
  const [visibility, setVisibility] = useState(values.visibility || 'all_members');
  // As the field shows it (LF line breaks: a refused submission echoes CR LF), so offsets match it.
  const [description, setDescription] = useState(() => values.description.replace(/\r\n?/g, '\n'));
  const { matches, checked, start } = useIdentifying(description);
  return (
    <>
      <TextField
        name="title"
        label={t('form.titleField')}
        required
        minLength={3}
        maxLength={300}
        defaultValue={values.title}
        errors={errors?.title}
        dir="auto"
      />
      <TextArea
        name="description"
        label={t('form.description')}
        hint={t('form.descriptionHint')}
        maxLength={20000}
        rows={6}
        defaultValue={values.description}
        errors={errors?.description}
        dir="auto"
        onFocus={start}
        onChange={(e) => setDescription(e.target.value)}
        backdrop={<HighlightBackdrop areaId="field-description" text={description} checked={checked} ranges={matches} />}
      />
      <IdentifyingNotice
        matches={matches}
        refused={identifying}
        onSelect={(m) => {
          const area = document.getElementById('field-description') as HTMLTextAreaElement | null;
          area?.focus();
          area?.setSelectionRange(m.start, m.end);
        }}
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
          defaultValue={values.topics}
          errors={errors?.topics}
        />
      ) : (
        <p className="text-sm text-slate-600">{t('form.noTopics')}</p>
      )}
      <CheckboxGroup
        name="languages"
        compact
        legend={t('form.languages')}
        options={options.languages}
        defaultValue={values.languages}
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
              defaultChecked={visibility === v}
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
          defaultValue={values.sectors}
          errors={errors?.sectors}
        />
      ) : null}
      {visibility === 'space' ? (
        <SelectField
          name="spaceId"
          label={t('form.space')}
          hint={t('form.spaceHint')}
          required
          defaultValue={values.spaceId}
          errors={errors?.spaceId}
        >
          <option value="">{t('form.chooseSpace')}</option>
          {options.spaces.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <MarkingFields subject="resource" initial={values.marking} errors={errors} />
    </>
  );
}
