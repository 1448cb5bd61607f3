'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState, useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/alert';
import { Button } from '@/app/_components/ui/button';
import { TextArea, TextField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { updateOrganisationProfileAction } from './actions';

export function OrganisationProfileForm({ organisation }: { organisation: { id: string; description: string; website: string } }) {
  const t = useTranslations('directory.editOrganisation');
  const [state, action] = useActionState(updateOrganisationProfileAction, null);
  const failed = state && !state.ok ? state : null;
  const value = (name: string, saved: string) => (failed ? (failed.values?.[name] ?? '') : saved);
  return (
    <ActionForm state={state} action={action}>
      <input type="hidden" name="organisationId" value={organisation.id} />
      <TextArea
        name="description"
        label={t('description')}
        hint={t('descriptionHint')}
        rows={10}
        maxLength={10000}
        dir="auto"
        defaultValue={value('description', organisation.description)}
        errors={failed?.fieldErrors?.description}
      />
      <TextField
        name="website"
        type="url"
        inputMode="url"
        label={t('website')}
        maxLength={300}
        defaultValue={value('website', organisation.website)}
        errors={failed?.fieldErrors?.website}
      />
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </ActionForm>
  );
}

/** Streams the logo to /api/files as the raw body (server actions cap bodies at 1 MB; logos may be 2 MB). */
export function LogoForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations('directory');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setResult({ ok: false, message: t('logo.empty') });
      input.current?.focus();
      return;
    }
    setPending(true);
    setResult(null);
    try {
      const query = new URLSearchParams({ purpose: 'logo', organisation: organisationId, name: file.name });
      const res = await fetch(`/api/files?${query}`, { method: 'POST', body: file });
      const body = (await res.json().catch(() => ({}))) as { ok?: boolean; message?: string };
      if (res.ok && body.ok) {
        setResult({ ok: true, message: t('editOrganisation.logoSaved') });
        if (input.current) input.current.value = '';
        router.refresh();
      } else {
        setResult({ ok: false, message: body.message ?? t('logo.failed') });
        input.current?.focus();
      }
    } catch {
      setResult({ ok: false, message: t('logo.failed') });
    } finally {
      setPending(false);
    }
  }

  const error = result && !result.ok ? result.message : null;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {result?.ok ? <Alert tone="success">{result.message}</Alert> : null}
      <div className="space-y-1">
        <label htmlFor="field-logo" className="block text-sm font-medium text-slate-800">
          {t('editOrganisation.logoField')}
        </label>
        <p id="logo-hint" className="text-sm text-slate-600">
          {t('editOrganisation.logoHint')}
        </p>
        <input
          ref={input}
          id="field-logo"
          name="logo"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'logo-hint logo-error' : 'logo-hint'}
          className="block w-full text-sm file:me-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:font-semibold file:text-brand-900"
        />
        {error ? (
          <p id="logo-error" role="alert" className="text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? t('editOrganisation.logoSending') : t('editOrganisation.logoSubmit')}
      </Button>
    </form>
  );
}
