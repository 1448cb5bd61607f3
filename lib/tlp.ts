import type { TlpMarking } from '@/lib/values';

/**
 * The TLP 2.0 labels as FIRST defines them (decision 030): the label text is the standard's, the same in
 * every language ("TLP:AMBER+STRICT"), in its colour on a black background, so it reads the same in the
 * light and the dark theme and never by colour alone. Plain values: safe in client components and emails.
 */
const LABELS: Record<TlpMarking, string> = {
  clear: 'TLP:CLEAR',
  green: 'TLP:GREEN',
  amber: 'TLP:AMBER',
  amber_strict: 'TLP:AMBER+STRICT',
  red: 'TLP:RED',
};

/** FIRST's colours (RGB), the text on #000000. */
export const TLP_COLOURS: Record<TlpMarking, string> = {
  clear: '#FFFFFF',
  green: '#33FF00',
  amber: '#FFC000',
  amber_strict: '#FFC000',
  red: '#FF2B2B',
};

export function tlpLabel(marking: TlpMarking): string {
  return LABELS[marking];
}

/** The inline style of the label in an email (mail clients drop stylesheets). */
export function tlpEmailStyle(marking: TlpMarking): string {
  return `background:#000000;color:${TLP_COLOURS[marking]};padding:2px 6px;font-family:monospace;font-size:13px`;
}

/**
 * Whether a post of a thread marked `from` may be quoted into another thread marked `into`: quoting never
 * lowers a marking, and AMBER and RED content (whose audience is a list) stays in its own thread.
 */
export function quoteAllowed(from: TlpMarking, into: TlpMarking): boolean {
  if (from === 'clear') return true;
  if (from === 'green') return into !== 'clear';
  return false;
}
