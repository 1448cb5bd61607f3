'use client';

import { useActionState, useId } from 'react';
import type { ActionState } from '@/lib/action-state';
import { TEMPORARY_SUSPENSION_DAYS } from '@/lib/values';
import { TextField } from './ui/field';
import { ActionForm, SubmitButton } from './ui/form';

type Action = (state: ActionState<undefined>, formData: FormData) => Promise<ActionState<undefined>>;

/** Days and a reason for a temporary suspension (decision 029); labels come translated from the server. */
export function SuspendForm({
  action,
  fields,
  labels,
}: {
  action: Action;
  fields: Record<string, string>;
  labels: { days: string; reason: string; submit: string };
}) {
  const [state, run] = useActionState(action, null);
  const id = useId();
  const failed = state && !state.ok ? state : null;
  return (
    <ActionForm state={state} action={run} className="w-72 max-w-full space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField
        id={`${id}-days`}
        name="days"
        type="number"
        inputMode="numeric"
        min={TEMPORARY_SUSPENSION_DAYS.min}
        max={TEMPORARY_SUSPENSION_DAYS.max}
        label={labels.days}
        errors={failed?.fieldErrors?.days}
        defaultValue={failed?.values?.days ?? String(TEMPORARY_SUSPENSION_DAYS.default)}
        required
      />
      <TextField
        id={`${id}-reason`}
        name="reason"
        label={labels.reason}
        errors={failed?.fieldErrors?.reason}
        maxLength={500}
        defaultValue={failed?.values?.reason ?? ''}
        dir="auto"
        required
      />
      <SubmitButton variant="danger" pendingLabel={labels.submit}>
        {labels.submit}
      </SubmitButton>
    </ActionForm>
  );
}
