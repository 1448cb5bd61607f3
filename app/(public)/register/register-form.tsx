'use client';

import Link from '@/app/_components/link';
import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useState, useSyncExternalStore } from 'react';
import { Checkbox, SelectField, TextArea, TextField } from '@/app/_components/ui/field';
import { DonePanel } from '@/app/_components/ui/done-panel';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { registerAction } from './actions';
import { OrganisationPicker } from './organisation-picker';

const noSubscribe = () => () => {};

const SECTORS = ['government', 'private_sector', 'civil_society', 'intergovernmental'] as const;

/** A focal point's invitation (decision 018): the organisation is chosen, the address is the invited one. */
export interface RegisterInvitation {
  token: string;
  organisationId: string;
  organisationName: string;
  email: string;
}

export function RegisterForm({ countries, invitation }: { countries: { code: string; name: string }[]; invitation?: RegisterInvitation }) {
  const t = useTranslations('auth.register');
  const tInvitation = useTranslations('people.invitation');
  const tSectors = useTranslations('common.sectors');
  const [state, action] = useActionState(registerAction, null);
  const [choice, setChoice] = useState<'existing' | 'new'>('existing');
  const [sector, setSector] = useState('');
  // The page's language (chosen with the switcher, or negotiated) and the browser's time zone become the
  // new member's defaults: nobody is asked again for what they already told us (WCAG 3.3.7).
  const locale = useLocale();
  const browserTimeZone = useSyncExternalStore(
    noSubscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => '',
  );

  if (state?.ok) return <DonePanel title={t('doneTitle')} text={t('doneText')} />;

  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const v = state && !state.ok ? (state.values ?? {}) : {};
  // Remount fields with the values just sent so nothing typed is lost after an error.
  const k = (name: string) => `${name}:${v[name] ?? ''}`;

  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="timeZone" value={browserTimeZone} />
      <TextField
        key={k('name')}
        name="name"
        label={t('name')}
        autoComplete="name"
        maxLength={120}
        required
        errors={errors?.name}
        defaultValue={v.name}
      />
      <TextField
        key={k('email')}
        name="email"
        type="email"
        label={t('email')}
        hint={t('emailHint')}
        autoComplete="email"
        maxLength={254}
        required
        errors={errors?.email}
        defaultValue={v.email ?? invitation?.email}
      />
      <TextField
        name="password"
        type="password"
        label={t('password')}
        hint={t('passwordHint')}
        autoComplete="new-password"
        minLength={12}
        maxLength={200}
        required
        errors={errors?.password}
      />
      <TextField
        key={k('jobTitle')}
        name="jobTitle"
        label={t('jobTitle')}
        autoComplete="organization-title"
        maxLength={120}
        required
        errors={errors?.jobTitle}
        defaultValue={v.jobTitle}
      />

      {invitation ? (
        <div className="space-y-1 rounded-md border border-slate-200 p-4">
          <input type="hidden" name="invitation" value={invitation.token} />
          <input type="hidden" name="organisationChoice" value="existing" />
          <input type="hidden" name="organisationId" value={invitation.organisationId} />
          <p className="text-sm font-semibold text-slate-800">{t('organisation')}</p>
          <p dir="auto">{invitation.organisationName}</p>
          <p className="text-sm text-slate-700">{tInvitation('organisationFixed')}</p>
        </div>
      ) : (
        <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-800">{t('organisation')}</legend>
          <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
            {(['existing', 'new'] as const).map((c) => (
              <label key={c} className="flex items-center gap-2 text-sm">
                <input type="radio" name="organisationChoice" value={c} checked={choice === c} onChange={() => setChoice(c)} className="size-4" />
                {c === 'existing' ? t('organisationExisting') : t('organisationNew')}
              </label>
            ))}
          </div>
          {choice === 'existing' ? (
            <OrganisationPicker errors={errors?.organisationId} />
          ) : (
            <div className="space-y-4">
              <TextField
                key={k('newOrganisationName')}
                name="newOrganisationName"
                label={t('newOrganisationName')}
                maxLength={200}
                required
                errors={errors?.newOrganisationName}
                defaultValue={v.newOrganisationName}
              />
              <SelectField
                key={k('newOrganisationSector')}
                name="newOrganisationSector"
                label={t('newOrganisationSector')}
                required
                errors={errors?.newOrganisationSector}
                defaultValue={v.newOrganisationSector ?? ''}
                onChange={(e) => setSector(e.target.value)}
              >
                <option value="">{t('chooseSector')}</option>
                {SECTORS.map((s) => (
                  <option key={s} value={s}>
                    {tSectors(s)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                key={k('newOrganisationCountry')}
                name="newOrganisationCountry"
                label={t('newOrganisationCountry')}
                hint={sector === 'intergovernmental' ? t('newOrganisationCountryHint') : undefined}
                required={sector !== 'intergovernmental'}
                errors={errors?.newOrganisationCountry}
                defaultValue={v.newOrganisationCountry ?? ''}
              >
                <option value="">{t('chooseCountry')}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </SelectField>
              <TextField
                key={k('newOrganisationWebsite')}
                name="newOrganisationWebsite"
                type="url"
                inputMode="url"
                label={t('newOrganisationWebsite')}
                maxLength={300}
                errors={errors?.newOrganisationWebsite}
                defaultValue={v.newOrganisationWebsite}
              />
            </div>
          )}
        </fieldset>
      )}

      <TextArea
        key={k('reason')}
        name="reason"
        label={t('reason')}
        hint={t('reasonHint')}
        maxLength={1000}
        required
        errors={errors?.reason}
        defaultValue={v.reason}
        dir="auto"
      />
      <Checkbox
        key={k('acceptGuidelines')}
        defaultChecked={v.acceptGuidelines === 'on'}
        name="acceptGuidelines"
        errors={errors?.acceptGuidelines}
        label={
          <>
            {t('acceptGuidelines')}{' '}
            <Link href="/guidelines" target="_blank">
              {t('readGuidelines')}
            </Link>
          </>
        }
      />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </ActionForm>
  );
}
