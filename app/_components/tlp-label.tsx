import clsx from 'clsx';
import type { TlpMarking } from '@/lib/values';
import { tlpLabel } from '@/lib/tlp';

/** FIRST's colours on black (lib/tlp.ts): the same in the light and dark themes. */
const COLOUR: Record<TlpMarking, string> = {
  clear: 'text-[#FFFFFF]',
  green: 'text-[#33FF00]',
  amber: 'text-[#FFC000]',
  amber_strict: 'text-[#FFC000]',
  red: 'text-[#FF2B2B]',
};

/**
 * The TLP 2.0 label of a thread or resource (decision 030): the standard's text ("TLP:AMBER+STRICT") in
 * its colour on black, so it is read by its words, never by colour alone. `describedBy` points at a
 * sentence saying what the marking means, where a page has one.
 */
export function TlpLabel({ marking, className, describedBy }: { marking: TlpMarking; className?: string; describedBy?: string }) {
  return (
    <span
      className={clsx('inline-block shrink-0 rounded-sm bg-black px-1.5 py-0.5 font-mono text-xs leading-none font-bold', COLOUR[marking], className)}
      aria-describedby={describedBy}
      dir="ltr"
    >
      {tlpLabel(marking)}
    </span>
  );
}
