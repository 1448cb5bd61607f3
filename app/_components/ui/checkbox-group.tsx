import { Checkbox } from './field';

type Option = { value: string; label: string };

/**
 * Checkboxes under one legend (topics, languages, sectors, expertise), with a hint and the group's
 * errors wired for screen readers. Uncontrolled with `defaultValue`; controlled with `value` and
 * `onChange` (a form React resets after a failed save then keeps what was ticked).
 */
export function CheckboxGroup({
  name,
  legend,
  hint,
  options,
  defaultValue,
  value,
  onChange,
  errors,
  compact = false,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: Option[];
  defaultValue?: string[];
  value?: string[];
  onChange?: (next: string[]) => void;
  errors?: string[];
  /** Short labels (languages): two columns even on a phone. */
  compact?: boolean;
}) {
  const invalid = errors?.length ? true : undefined;
  const describedBy = [hint ? `${name}-hint` : '', invalid ? `${name}-error` : ''].join(' ').trim() || undefined;
  const state = (option: string) =>
    value
      ? {
          checked: value.includes(option),
          onChange: (e: { target: { checked: boolean } }) => onChange?.(e.target.checked ? [...value, option] : value.filter((v) => v !== option)),
        }
      : { defaultChecked: defaultValue?.includes(option) };
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div
        className={compact ? 'grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3 lg:grid-cols-4' : 'grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3'}
      >
        {options.map((o) => (
          <Checkbox key={o.value} id={`${name}-${o.value}`} name={name} value={o.value} label={o.label} aria-invalid={invalid} {...state(o.value)} />
        ))}
      </div>
      {invalid ? (
        <p id={`${name}-error`} className="text-sm font-medium text-red-700">
          {errors!.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
