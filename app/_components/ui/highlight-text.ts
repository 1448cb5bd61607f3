/**
 * Pure text work of the in-field highlight (HighlightBackdrop, decision 028 follow-up): the text split
 * into plain and marked segments, and marks carried through an edit made since they were found.
 * Tested in highlight-text.test.ts.
 */

export interface Range {
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  marked: boolean;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
/** Combining marks (accents, Arabic harakat, variation selectors) and the zero-width joiner belong to the character before. */
const CLINGS = /[\p{M}\u200d]/u;

/** A boundary moved off the middle of a character: a surrogate pair, CR LF, a base and its combining marks. */
function snap(text: string, at: number, forward: boolean): number {
  let i = Math.min(Math.max(0, at), text.length);
  const inside = (j: number) =>
    j > 0 &&
    j < text.length &&
    ((isHigh(text.charCodeAt(j - 1)) && isLow(text.charCodeAt(j))) ||
      (text[j - 1] === '\r' && text[j] === '\n') ||
      CLINGS.test(text[j]!) ||
      text[j - 1] === '\u200d');
  while (inside(i)) i += forward ? 1 : -1;
  return i;
}

/**
 * `text` cut into plain and marked segments, in order. Ranges are UTF-16 offsets into `text`; they may
 * overlap, touch, come in any order or fall outside the text (stale ones): each character covered by any
 * range is marked once, and no boundary splits a character. Line breaks come out as the textarea shows
 * them (CR LF and a lone CR as LF), so the segments joined are the field's value.
 */
export function markSegments(text: string, ranges: readonly Range[]): Segment[] {
  const spans = ranges
    .map((r) => ({ start: snap(text, r.start, false), end: snap(text, r.end, true) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const r of spans) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const out: Segment[] = [];
  const push = (from: number, to: number, marked: boolean) => {
    if (to > from) out.push({ text: text.slice(from, to).replace(/\r\n?/g, '\n'), marked });
  };
  let at = 0;
  for (const r of merged) {
    push(at, r.start, false);
    push(r.start, r.end, true);
    at = r.end;
  }
  push(at, text.length, false);
  return out;
}

/**
 * Ranges found in `before` carried over to `after` (the text edited since): those before the edit keep
 * their place, those after it move by the length it added or removed, and those it touched are dropped
 * until the text is checked again. So marks follow the text while the check waits for a pause in typing.
 */
export function followEdit<R extends Range>(before: string, after: string, ranges: readonly R[]): R[] {
  if (before === after) return [...ranges];
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const editEnd = before.length - suffix;
  const delta = after.length - before.length;
  const out: R[] = [];
  for (const r of ranges) {
    if (r.end <= prefix) out.push(r);
    else if (r.start >= editEnd) out.push({ ...r, start: r.start + delta, end: r.end + delta });
  }
  return out;
}
