import clsx from 'clsx';
import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'error' | 'warning';
const tones: Record<Tone, string> = {
  info: 'border-brand-100 bg-brand-50 text-brand-900',
  success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
  error: 'border-red-200 bg-red-50 text-red-900',
  warning: 'border-amber-200 bg-amber-50 text-amber-900',
};

/** A message box. Errors are announced to screen readers as they appear. */
export function Alert({ tone = 'info', children, id, className }: { tone?: Tone; children: ReactNode; id?: string; className?: string }) {
  return (
    <div id={id} role={tone === 'error' ? 'alert' : 'status'} className={clsx('rounded-md border px-4 py-3 text-sm', tones[tone], className)}>
      {children}
    </div>
  );
}
