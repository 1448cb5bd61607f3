import clsx from 'clsx';
import type { ReactNode } from 'react';

export type Tone = 'success' | 'warning' | 'danger' | 'neutral' | 'info' | 'emphasis';

/** A short label (a status, "new", a language): text, never colour alone; it never breaks across lines. */
export function Badge({ tone = 'neutral', className, children }: { tone?: Tone; className?: string; children: ReactNode }) {
  // `.badge` and `.badge-<tone>` are in globals.css: short names, since lists repeat them twice (HTML and flight data).
  return <span className={clsx('badge', `badge-${tone}`, className)}>{children}</span>;
}

/** Badges side by side (a thread's urgent, pinned and locked markers), given as tone and words. */
export function BadgeGroup({ badges }: { badges: [Tone, string][] }) {
  if (!badges.length) return null;
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      {badges.map(([tone, label]) => (
        <Badge key={label} tone={tone}>
          {label}
        </Badge>
      ))}
    </span>
  );
}
