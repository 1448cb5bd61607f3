import clsx from 'clsx';
import type { TlpMarking } from '@/lib/values';
import { tlpLabel } from '@/lib/tlp';

/** FIRST's colours on black (lib/tlp.ts), the same in the light and dark themes: `.tlp-<colour>` in globals.css. */
const COLOUR: Record<TlpMarking, string> = {
  clear: 'tlp-clear',
  green: 'tlp-green',
  amber: 'tlp-amber',
  amber_strict: 'tlp-amber',
  red: 'tlp-red',
};

/**
 * The TLP 2.0 label of a thread or resource (decision 030): the standard's text ("TLP:AMBER+STRICT") in
 * its colour on black, so it is read by its words, never by colour alone. `describedBy` points at a
 * sentence saying what the marking means, where a page has one.
 */
export function TlpLabel({ marking, className, describedBy }: { marking: TlpMarking; className?: string; describedBy?: string }) {
  return (
    <span className={clsx('tlp', COLOUR[marking], className)} aria-describedby={describedBy} dir="ltr">
      {tlpLabel(marking)}
    </span>
  );
}
