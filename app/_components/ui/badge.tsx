import clsx from 'clsx';
import type { ReactNode } from 'react';

export type Tone = 'success' | 'warning' | 'danger' | 'neutral' | 'info' | 'emphasis';
const tones: Record<Tone, string> = {
  success: 'bg-emerald-100 text-emerald-900',
  warning: 'bg-amber-100 text-amber-900',
  danger: 'bg-red-100 text-red-900',
  neutral: 'bg-slate-100 text-slate-800',
  info: 'bg-brand-50 text-brand-900',
  emphasis: 'bg-brand-700 text-white',
};

/** A short label (a status, "new", a language): text, never colour alone; it never breaks across lines. */
export function Badge({ tone = 'neutral', className, children }: { tone?: Tone; className?: string; children: ReactNode }) {
  return <span className={clsx('inline-block rounded px-2 py-0.5 text-xs font-semibold whitespace-nowrap', tones[tone], className)}>{children}</span>;
}
