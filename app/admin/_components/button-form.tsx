'use client';

import { useActionState } from 'react';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import type { ActionState } from '@/lib/action-state';

/**
 * A form that is a single button: hidden fields, an optional sentence saying what the button does, and
 * the outcome of the last press (kept when the page is refreshed with the new state).
 */
export function ButtonForm<T>({
  action,
  fields,
  text,
  label,
  pendingLabel,
  variant = 'secondary',
}: {
  action: (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;
  fields: Record<string, string>;
  text?: string;
  label: string;
  pendingLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <ActionForm state={state} action={formAction} className="space-y-3">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {text ? <p className="text-sm text-slate-700">{text}</p> : null}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </ActionForm>
  );
}
