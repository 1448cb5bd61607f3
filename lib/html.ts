/**
 * HTML made from plain text, in one place: escaping (emails, search snippets) and search highlights.
 * Safe in the browser and on the server; nothing here parses markup.
 */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value: & < > " ' become entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

/**
 * Search headlines (lib/dal/highlight.ts) carry three private-use characters: where a match starts and
 * stops, and a stand-in for "<" (the database's text parser would otherwise take "<b …>" in the text for
 * a tag and drop it, or skip what follows "<script>"). The database removes any of them from the text
 * before it marks the matches.
 */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';
export const LESS_THAN_STAND_IN = '\uE002';

/** Escaped text whose only markup is <mark> around search matches; made by highlightToHtml alone. */
export type HighlightHtml = string & { readonly __brand: 'HighlightHtml' };

/**
 * A headline as safe HTML: the text is escaped first, and only then the markers become <mark> elements,
 * so no markup from the text can reach a page. Stray or unbalanced markers are dropped or closed.
 */
export function highlightToHtml(headline: string): HighlightHtml {
  let open = false;
  let out = '';
  for (const ch of escapeHtml(headline.replaceAll(LESS_THAN_STAND_IN, '<'))) {
    if (ch === HIGHLIGHT_START) {
      if (!open) out += '<mark>';
      open = true;
    } else if (ch === HIGHLIGHT_STOP) {
      if (open) out += '</mark>';
      open = false;
    } else out += ch;
  }
  return (open ? `${out}</mark>` : out) as HighlightHtml;
}
