'use client';

import { useActionState, useId, type ReactNode } from 'react';
import type { ActionState } from '@/lib/action-state';
import { SelectField, TextField } from './field';
import { ActionForm, SubmitButton } from './form';

/** Small forms that run one server action and show its answer beside them (follow, lock, hide, move…). */

type Action<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;
type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

function HiddenFields({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/**
 * A form that is a single button: hidden fields, an optional sentence saying what the button does, and
 * the outcome of the last press (kept when the page is refreshed with the new state).
 */
export function ActionButton<T>({
  action,
  fields,
  text,
  children,
  pendingLabel,
  variant = 'secondary',
  className,
}: {
  action: Action<T>;
  fields: Record<string, string>;
  text?: ReactNode;
  children: ReactNode;
  pendingLabel: ReactNode;
  variant?: Variant;
  className?: string;
}) {
  const [state, run] = useActionState(action, null);
  return (
    <ActionForm state={state} action={run} className={className ?? 'space-y-2'}>
      <HiddenFields fields={fields} />
      {text ? <p className="text-sm text-slate-700">{text}</p> : null}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {children}
      </SubmitButton>
    </ActionForm>
  );
}

/** A one-line text field and a button (hide with a reason, mark urgent with a reason). */
export function ReasonForm<T>({
  action,
  fields,
  name,
  label,
  submit,
  pendingLabel,
  variant = 'secondary',
  maxLength = 200,
}: {
  action: Action<T>;
  fields: Record<string, string>;
  name: string;
  label: string;
  submit: string;
  pendingLabel: string;
  variant?: Variant;
  maxLength?: number;
}) {
  const [state, run] = useActionState(action, null);
  const id = useId();
  const failed = state && !state.ok ? state : null;
  return (
    <ActionForm state={state} action={run} className="space-y-2">
      <HiddenFields fields={fields} />
      <TextField
        id={id}
        name={name}
        label={label}
        errors={failed?.fieldErrors?.[name]}
        maxLength={maxLength}
        defaultValue={failed?.values?.[name] ?? ''}
        dir="auto"
        required
      />
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {submit}
      </SubmitButton>
    </ActionForm>
  );
}

/** A choice from a list and a button (move a thread to another space). */
export function ChoiceForm<T>({
  action,
  fields,
  name,
  label,
  submit,
  options,
  defaultValue,
}: {
  action: Action<T>;
  fields: Record<string, string>;
  name: string;
  label: string;
  submit: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  const [state, run] = useActionState(action, null);
  const id = useId();
  return (
    <ActionForm state={state} action={run} className="space-y-2">
      <HiddenFields fields={fields} />
      <SelectField name={name} label={label} id={id} defaultValue={defaultValue}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <SubmitButton variant="secondary" pendingLabel={submit}>
        {submit}
      </SubmitButton>
    </ActionForm>
  );
}
