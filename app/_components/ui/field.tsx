import clsx from 'clsx';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface FieldShell {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
}

/** Inputs, selects and text areas (the utilities are in globals.css: this travels on every field of every form). */
export const inputClass = 'field-input';

function describedBy(name: string, hint?: ReactNode, errors?: string[]) {
  return [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Shell({ name, label, hint, errors, children, id }: FieldShell & { children: ReactNode; id: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors name={name} errors={errors} />
    </div>
  );
}

/** A field's errors, as `${name}-error` (what the field's aria-describedby names). */
export function FieldErrors({ name, errors }: { name: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={`${name}-error`} className="text-sm font-medium text-red-700">
      {errors.join(' ')}
    </p>
  ) : null;
}

/** A labelled input with its hint and field-level errors wired for screen readers. */
export function TextField({ name, label, hint, errors, className, id, ...input }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const fieldId = id ?? `field-${name}`;
  return (
    <Shell name={name} label={label} hint={hint} errors={errors} id={fieldId}>
      <input
        id={fieldId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
        className={clsx(inputClass, className)}
        {...input}
      />
    </Shell>
  );
}

/**
 * A labelled text area. With a `backdrop` (HighlightBackdrop: marks drawn behind the text), the field
 * sits over it in a box of its own size, with a transparent background and only vertical resizing.
 */
export function TextArea({
  name,
  label,
  hint,
  errors,
  className,
  id,
  backdrop,
  ...input
}: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement> & { backdrop?: ReactNode }) {
  const fieldId = id ?? `field-${name}`;
  const area = (
    <textarea
      id={fieldId}
      name={name}
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={describedBy(name, hint, errors)}
      className={clsx(inputClass, 'min-h-28', backdrop ? 'field-over-backdrop' : null, className)}
      {...input}
    />
  );
  return (
    <Shell name={name} label={label} hint={hint} errors={errors} id={fieldId}>
      {backdrop ? (
        <div className="relative rounded-md bg-white">
          {backdrop}
          {area}
        </div>
      ) : (
        area
      )}
    </Shell>
  );
}

export function SelectField({ name, label, hint, errors, className, id, children, ...select }: FieldShell & SelectHTMLAttributes<HTMLSelectElement>) {
  const fieldId = id ?? `field-${name}`;
  return (
    <Shell name={name} label={label} hint={hint} errors={errors} id={fieldId}>
      <select
        id={fieldId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
        className={clsx(inputClass, className)}
        {...select}
      >
        {children}
      </select>
    </Shell>
  );
}

export function Checkbox({ name, label, errors, id, ...input }: Omit<FieldShell, 'hint'> & InputHTMLAttributes<HTMLInputElement>) {
  const fieldId = id ?? `field-${name}`;
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-2">
        <input
          id={fieldId}
          type="checkbox"
          name={name}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${name}-error` : undefined}
          className="mt-1 size-4 rounded border-slate-300 text-brand-700"
          {...input}
        />
        <label htmlFor={fieldId} className="text-sm text-slate-800">
          {label}
        </label>
      </div>
      <FieldErrors name={name} errors={errors} />
    </div>
  );
}
