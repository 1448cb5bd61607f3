import { z } from 'zod';

/**
 * Text cleaning shared by the doors (lib/actions.ts, lib/route.ts), the query-string helpers and the
 * single-line form fields (safe in the browser). Decision 006 says why each character class goes.
 */

/** C0 and C1 control characters, DEL included; tab, line feed and carriage return are text. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Removes control characters (Postgres refuses NUL in text; none of them can be typed into a form). */
export function stripControlCharacters(value: string): string {
  return value.replace(CONTROL, '');
}

/**
 * Characters that render as nothing (zero-width spaces, bidi embeddings, overrides, isolates and marks,
 * soft hyphens, Hangul fillers, tag characters…) and the blank braille cell. Variation selectors stay
 * (emoji and CJK variants need them); zero-width joiners are judged by where they stand (below).
 */
const INVISIBLE = /(?![\uFE00-\uFE0F\u180B-\u180D\u180F\u200C\u200D\u{E0100}-\u{E01EF}])[\p{Default_Ignorable_Code_Point}\u2800]/gu;

/**
 * Zero-width (non-)joiners shape Arabic, Persian and Indic words and build emoji sequences; between two
 * Latin, Greek or Cyrillic letters, or at either end, they only hide a difference. One is kept when it
 * follows a letter, mark or emoji of another script and comes before one.
 */
const JOINERS = /[\u200C\u200D]+/g;
const JOINS_BEFORE = /[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;
const JOINS_AFTER = /^[\p{L}\p{M}\p{Extended_Pictographic}]/u;
const ALPHABETIC = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]$/u;

function judgeJoiners(value: string): string {
  return value.replace(JOINERS, (run: string, offset: number) => {
    const before = value.slice(Math.max(0, offset - 2), offset);
    const after = value.slice(offset + run.length, offset + run.length + 2);
    return JOINS_BEFORE.test(before) && !ALPHABETIC.test(before) && JOINS_AFTER.test(after) ? run[0]! : '';
  });
}

/**
 * One line of text as people see it: NFC, no control or invisible characters, any run of white space
 * (line breaks and no-break spaces included) one space, nothing around it. A name made only of invisible
 * characters becomes empty (and "required"); `Evil \u202Egnp.exe` loses its override; a trailing
 * zero-width space no longer makes a second copy of a name.
 */
export function cleanSingleLine(value: string): string {
  return judgeJoiners(stripControlCharacters(value).replace(INVISIBLE, '')).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A required single-line field (names, titles, labels, one-line reasons): cleaned, then measured. */
export const singleLine = (max: number, min = 1) => z.string().overwrite(cleanSingleLine).min(min).max(max);

/** A required multi-line field (textareas): NFC, trimmed, line breaks kept. */
export const multiLine = (max: number, min = 1) =>
  z
    .string()
    .overwrite((v) => v.normalize('NFC'))
    .trim()
    .min(min)
    .max(max);

/** An optional single-line field: a value that cleans to nothing is no value. */
export const optionalSingleLine = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? cleanSingleLine(v) || undefined : v), z.string().max(max).optional());
