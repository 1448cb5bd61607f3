'use client';

import { useEffect, useRef, type FormHTMLAttributes, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionState } from '@/lib/action-state';
import { Alert } from './alert';
import { Button } from './button';
import { ReauthField } from './reauth-field';

/**
 * A form bound to a server action's state: shows the form-level message, and after a failed submit
 * moves focus to the first invalid field (or the message) so keyboard and screen-reader users land on it.
 * A sensitive step answered "confirm it's you" adds the password-or-code field (sent with the next submit).
 */
export function ActionForm({
  state,
  children,
  className,
  showSuccess = true,
  ...props
}: { state: ActionState; children: ReactNode; showSuccess?: boolean } & FormHTMLAttributes<HTMLFormElement>) {
  const ref = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!state || state.ok) return;
    const invalid = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"], input[name="reauthSecret"]');
    (invalid ?? messageRef.current)?.focus();
  }, [state]);
  return (
    <form ref={ref} noValidate className={className ?? 'space-y-5'} {...props}>
      {state?.message && (!state.ok || showSuccess) ? (
        <div ref={messageRef} tabIndex={-1} className="outline-none">
          <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>
        </div>
      ) : null}
      {state && !state.ok && state.reauth ? <ReauthField errors={state.fieldErrors?.reauthSecret} /> : null}
      {children}
    </form>
  );
}

/** A submit button that shows progress while its form is being sent. */
export function SubmitButton({
  children,
  pendingLabel,
  variant,
  className,
  name,
  value,
}: {
  children: ReactNode;
  pendingLabel: ReactNode;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  className?: string;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} className={className} disabled={pending} aria-disabled={pending} name={name} value={value}>
      {pending ? pendingLabel : children}
    </Button>
  );
}
