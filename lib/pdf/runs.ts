/**
 * One line of text cut into runs a PDF can draw left to right (decision 030, "names in every script"):
 * each character gets a font that has it (the previous character's font when it has it, so spaces,
 * marks and punctuation stay with their word; else the first font in the list that has it; else '?'),
 * the Unicode Bidirectional Algorithm (bidi-js) orders the line visually, and runs of one font and one
 * direction are handed to pdf-lib, whose fontkit layout shapes them (Arabic joining forms).
 */
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** Explicit direction marks, embeddings, overrides and isolates: a name never carries its own. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const FSI = '\u2068';
const PDI = '\u2069';

/** The text as an isolate: whatever direction it has, it cannot reorder the text around it. */
export function isolated(text: string): string {
  return `${FSI}${text.replace(BIDI_CONTROLS, '')}${PDI}`;
}

/** The text without the isolates `isolated` added (what a reader sees). */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2068\u2069]/g, '');
}

export interface Run {
  /** In logical order, as the font's layout expects it; drawn left to right from its start. */
  text: string;
  /** Index into the font list. */
  font: number;
}

/** Whether some font has the character (none of the watermark fonts has any beyond the BMP). */
function coveredChar(char: string, covers: (font: number, codePoint: number) => boolean, fonts: number): boolean {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint > 0xffff) return false;
  for (let font = 0; font < fonts; font += 1) if (covers(font, codePoint)) return true;
  return false;
}

/**
 * fontkit lays a run out right to left (reversing it) when its first character of a real script is in a
 * right-to-left script; of the watermark fonts only Arabic is.
 */
function layoutReverses(text: string): boolean {
  for (const char of text) {
    if (/[\p{Script=Common}\p{Script=Inherited}]/u.test(char)) continue;
    return /\p{Script=Arabic}/u.test(char);
  }
  return false;
}

function reversed(text: string): string {
  return Array.from(text).reverse().join('');
}

/**
 * The line's runs in visual order (left to right). `covers(font, codePoint)` says whether font number
 * `font` (of `fonts`) has the character. Characters no font has become '?' in the first font.
 * The paragraph is left to right (the stamp starts with the TLP label); names inside it should be
 * `isolated`.
 */
export function visualRuns(line: string, covers: (font: number, codePoint: number) => boolean, fonts: number): Run[] {
  const text = Array.from(line.normalize('NFC'))
    .map((char) => (char === FSI || char === PDI || coveredChar(char, covers, fonts) ? char : '?'))
    .join('');
  // Every character is now in the Basic Multilingual Plane or an isolate: one UTF-16 unit each, as bidi-js counts.
  const fontOf: number[] = [];
  let previous = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === FSI || char === PDI) {
      fontOf.push(-1);
      continue;
    }
    const codePoint = char.charCodeAt(0);
    let font = previous;
    if (!covers(font, codePoint)) {
      font = 0;
      while (font < fonts - 1 && !covers(font, codePoint)) font += 1;
    }
    fontOf.push(font);
    previous = font;
  }
  const embedding = bidi.getEmbeddingLevels(text, 'ltr');
  const mirrored = bidi.getMirroredCharactersMap(text, embedding.levels);
  const order = bidi.getReorderedIndices(text, embedding);

  const runs: Run[] = [];
  let current: { indices: number[]; font: number; level: number } | null = null;
  const flush = () => {
    if (!current) return;
    const rtl = current.level % 2 === 1;
    // Visual order back to logical order, mirrored brackets where the text runs right to left.
    const logical = rtl ? [...current.indices].reverse() : current.indices;
    const runText = logical.map((i) => mirrored.get(i) ?? text[i]!).join('');
    // fontkit reverses Arabic itself; anything else at a right-to-left level is reversed here, and a
    // left-to-right run fontkit would reverse (Arabic-Indic digits) is reversed first so it comes out right.
    runs.push({ text: rtl === layoutReverses(runText) ? runText : reversed(runText), font: current.font });
    current = null;
  };
  for (const i of order) {
    const font = fontOf[i]!;
    if (font < 0) continue;
    const level = embedding.levels[i]!;
    const last = current?.indices.at(-1);
    const adjacent = last !== undefined && (level % 2 === 1 ? last === i + 1 : last === i - 1);
    if (!current || current.font !== font || current.level !== level || !adjacent) {
      flush();
      current = { indices: [], font, level };
    }
    current.indices.push(i);
  }
  flush();
  return runs;
}
