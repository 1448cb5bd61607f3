import clsx from 'clsx';
import type { ReactNode } from 'react';

export type Tone = 'success' | 'warning' | 'danger' | 'neutral' | 'info' | 'emphasis';

/** A short label (a status, "new", a language): text, never colour alone; it never breaks across lines. */
export function Badge({ tone = 'neutral', className, children }: { tone?: Tone; className?: string; children: ReactNode }) {
  // `.badge` and `.badge-<tone>` are in globals.css: short names, since lists repeat them twice (HTML and flight data).
  return <span className={clsx('badge', `badge-${tone}`, className)}>{children}</span>;
}
