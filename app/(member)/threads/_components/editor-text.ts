/** Pure text edits of the editor (formatting shortcuts, the "@" mention being typed): tested in editor-text.test.ts. */

export interface Edit {
  text: string;
  /** The selection after the edit. */
  start: number;
  end: number;
}

/** Wraps the selection in `before`/`after` (or inserts them around `placeholder` when nothing is selected), keeping the wrapped text selected. */
export function wrapSelection(text: string, start: number, end: number, before: string, after: string, placeholder = ''): Edit {
  const inner = text.slice(start, end) || placeholder;
  return {
    text: text.slice(0, start) + before + inner + after + text.slice(end),
    start: start + before.length,
    end: start + before.length + inner.length,
  };
}

/** A markdown link around the selection: `[selection](https://)`, with the address selected to type over. */
export function linkSelection(text: string, start: number, end: number, placeholder: string): Edit {
  const label = (text.slice(start, end) || placeholder).replace(/[[\]]/g, '');
  const address = 'https://';
  const inserted = `[${label}](${address})`;
  const at = start + label.length + 3;
  return { text: text.slice(0, start) + inserted + text.slice(end), start: at, end: at + address.length };
}

/**
 * The mention being typed just before the caret: an "@" at the start or after a space or bracket, then
 * up to two words of a name. Null when the caret is not in one.
 */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|[\s(])@([\p{L}\p{M}'’.-]{0,40}(?: [\p{L}\p{M}'’.-]{1,40})?)$/u.exec(text.slice(Math.max(0, caret - 90), caret));
  if (!match) return null;
  const query = match[2]!;
  return { start: caret - query.length - 1, query };
}

/** Replaces the typed "@query" (from `start` to the caret) with `insert`. */
export function replaceMention(text: string, start: number, caret: number, insert: string): Edit {
  const next = text.slice(0, start) + insert + text.slice(caret);
  return { text: next, start: start + insert.length, end: start + insert.length };
}
