'use client';

import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { useTranslations } from 'next-intl';
import { useState, useSyncExternalStore, useTransition, type FormEvent } from 'react';
import { enrolKeyAction, keyRegistrationOptionsAction } from '@/app/(public)/settings/security/enrol/actions';
import { keySignInAction, keySignInOptionsAction } from '@/app/(public)/sign-in/second-factor/actions';
import type { ActionState } from '@/lib/action-state';
import { FactorAdded, FactorNameField } from './recovery-codes';
import { Alert } from './ui/alert';
import { Button } from './ui/button';
import { ActionForm } from './ui/form';

type Translate = ReturnType<typeof useTranslations<'security.keys'>>;

const noChanges = () => () => {};

/** Whether this browser can use security keys; null on the server (it cannot tell). */
function useWebAuthnSupport(): boolean | null {
  return useSyncExternalStore(
    noChanges,
    () => browserSupportsWebAuthn(),
    () => null,
  );
}

/** The browser refused or the person cancelled: a sentence instead of an exception. */
function ceremonyFailure(error: unknown, t: Translate): { ok: false; message: string } {
  const name = error instanceof Error ? error.name : '';
  return { ok: false, message: t(name === 'InvalidStateError' ? 'alreadyRegistered' : 'cancelled') };
}

/**
 * Adds a security key or passkey: the name is sent first (with the password or a code when the step
 * asks to confirm it is you), the server answers with a challenge, the browser asks for the key, and
 * its answer is checked on the server. Used on /settings/security and on the forced enrolment.
 */
export function RegisterKeyForm({ next }: { next: string }) {
  const t = useTranslations('security.keys');
  const supported = useWebAuthnSupport();
  const [state, setState] = useState<ActionState<{ recoveryCodes: string[] | null; next: string }>>(null);
  const [busy, startTransition] = useTransition();
  if (state?.ok) {
    return (
      <FactorAdded
        message={state.message}
        codes={state.data.recoveryCodes}
        next={state.data.next}
        labels={{ continue: t('continue'), continueSaved: t('continueSaved') }}
      />
    );
  }
  if (supported === false) return <Alert tone="info">{t('unsupported')}</Alert>;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const options = await keyRegistrationOptionsAction(null, form);
      if (!options?.ok) return setState(options);
      try {
        const response = await startRegistration({ optionsJSON: options.data });
        form.set('response', JSON.stringify(response));
      } catch (error) {
        return setState(ceremonyFailure(error, t));
      }
      // The session was just confirmed (if it had to be): the password or code is not sent twice.
      form.delete('reauthSecret');
      setState(await enrolKeyAction(null, form));
    });
  }
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <ActionForm state={state} onSubmit={submit} aria-busy={busy}>
      <input type="hidden" name="next" value={next} />
      <FactorNameField
        labels={{ label: t('name'), hint: t('nameHint'), fallback: t('nameDefault') }}
        value={values?.name}
        errors={errors?.name ?? errors?.response}
      />
      <Button type="submit" disabled={busy || supported === null} aria-disabled={busy}>
        {busy ? t('waiting') : t('add')}
      </Button>
    </ActionForm>
  );
}

/** "Use a security key" at the second step of signing in: the browser asks for one of the account's keys, the server checks its answer. */
export function KeySignIn({ next }: { next: string }) {
  const t = useTranslations('security.keys');
  const supported = useWebAuthnSupport();
  const [state, setState] = useState<ActionState<{ next: string }>>(null);
  const [busy, startTransition] = useTransition();
  if (supported === false) return <Alert tone="info">{t('unsupportedSignIn')}</Alert>;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const options = await keySignInOptionsAction(null, new FormData());
      if (!options?.ok) return setState(options);
      try {
        const response = await startAuthentication({ optionsJSON: options.data });
        form.set('response', JSON.stringify(response));
      } catch (error) {
        return setState(ceremonyFailure(error, t));
      }
      const result = await keySignInAction(null, form);
      if (result?.ok) window.location.assign(result.data.next);
      else setState(result);
    });
  }
  return (
    <ActionForm state={state} onSubmit={submit} aria-busy={busy}>
      <input type="hidden" name="next" value={next} />
      <p className="text-slate-700">{t('signInText')}</p>
      <Button type="submit" disabled={busy || supported === null} aria-disabled={busy}>
        {busy ? t('waiting') : t('use')}
      </Button>
    </ActionForm>
  );
}
