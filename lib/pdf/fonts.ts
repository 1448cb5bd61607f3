/**
 * The fonts watermarks are drawn with (decision 030, "names in every script"): Noto Sans Bold in the
 * subsets Fontsource ships (Latin, Latin Extended, Vietnamese, Cyrillic, Greek) and Noto Sans Arabic Bold.
 * The files come from node_modules (@fontsource/noto-sans, @fontsource/noto-sans-arabic), read once per
 * process; next.config.ts names them in `outputFileTracingIncludes` so a traced build carries them.
 * WOFF rather than WOFF2: @pdf-lib/fontkit reads both, and WOFF inflates with zlib instead of a
 * JavaScript Brotli decoder.
 */
import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';

const NOTO = 'node_modules/@fontsource/noto-sans/files';
const NOTO_ARABIC = 'node_modules/@fontsource/noto-sans-arabic/files';

/** In the order a character looks for a font that has it. */
export const WATERMARK_FONT_FILES = [
  `${NOTO}/noto-sans-latin-700-normal.woff`,
  `${NOTO}/noto-sans-latin-ext-700-normal.woff`,
  `${NOTO}/noto-sans-vietnamese-700-normal.woff`,
  `${NOTO}/noto-sans-cyrillic-700-normal.woff`,
  `${NOTO}/noto-sans-cyrillic-ext-700-normal.woff`,
  `${NOTO}/noto-sans-greek-700-normal.woff`,
  `${NOTO}/noto-sans-greek-ext-700-normal.woff`,
  `${NOTO_ARABIC}/noto-sans-arabic-arabic-700-normal.woff`,
] as const;

/** A glyph of a laid-out run, in ems from the run's start (x to the right, y up). */
export interface PlacedGlyph {
  x: number;
  y: number;
  /** Whether the glyph sits where a plain `Tj` would put it after the previous one (no GPOS shift). */
  natural: boolean;
}

export interface WatermarkFont {
  /** The file's bytes, handed to pdf-lib's `embedFont` (which subsets them). */
  bytes: Uint8Array;
  /** Whether the font maps this code point to a glyph. */
  covers(codePoint: number): boolean;
  /**
   * fontkit's layout of the text (shaped, in visual order) with the GPOS positions pdf-lib's `drawText`
   * leaves out: Noto Sans Arabic places the dots of its letters as marks, which must be moved onto them.
   */
  layout(text: string): { glyphs: PlacedGlyph[]; width: number };
}

/** The parts of @pdf-lib/fontkit's TrueType subset `evenGlyphs` changes (not in its published types). */
interface TrueTypeSubset {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(glyphId: number): number;
}

/**
 * @pdf-lib/fontkit 1.1.1 copies each glyph's bytes into the subset as they are and then writes the short
 * `loca` format (offsets halved) when the glyph data is under 128 KiB: a glyph of odd length (the
 * Fontsource files have them) shifts every glyph after it, and pdf.js or a printer then draws those
 * glyphs empty or wrong. Padding each glyph to an even length (a trailing zero byte is allowed) keeps
 * the halved offsets exact.
 */
function evenGlyphs(subset: TrueTypeSubset): void {
  const addGlyph = subset._addGlyph.bind(subset);
  subset._addGlyph = (glyphId: number) => {
    const index = addGlyph(glyphId);
    const data = subset.glyf[index]!;
    if (data.length % 2 === 1) {
      // The same Buffer class as fontkit's (its bundled one or Node's): its encoder accepts nothing else.
      const padded = (data.constructor as unknown as { alloc(size: number): Uint8Array }).alloc(data.length + 1);
      padded.set(data);
      subset.glyf[index] = padded;
      subset.offset += 1;
    }
    return index;
  };
}

/**
 * fontkit for pdf-lib's `registerFontkit`, with even glyphs in subsets (above). Noto Sans Arabic draws a letter as a dotless shape plus its
 * dots, and the dots' glyphs stand for no character: pdf-lib's ToUnicode map would give them an empty
 * value, which pdf.js reads as control characters. They are mapped to U+200B (zero width space) instead,
 * so text extraction skips them.
 */
/** Fonts parsed from the watermark files' bytes, kept with them: parsed once per process, not per PDF. */
const parsed = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();

/**
 * The same parsed font serves every PDF (pdf-lib only lays text out and copies glyphs out of it, each
 * subset its own object, synchronously), so a download does not inflate and parse the font again.
 */
export const watermarkFontkit: typeof fontkit = {
  ...fontkit,
  create(bytes: Uint8Array, postscriptName?: string) {
    const known = parsed.get(bytes);
    if (known) return known;
    const font = fontkit.create(bytes, postscriptName);
    parsed.set(bytes, font);
    const layout = font.layout.bind(font);
    font.layout = (...args: Parameters<typeof layout>) => {
      const run = layout(...args);
      // Copies: fontkit keeps one glyph object per id and its later layouts read them.
      run.glyphs = run.glyphs.map((glyph) =>
        glyph.codePoints.length === 0
          ? Object.assign(Object.create(Object.getPrototypeOf(glyph) as object) as typeof glyph, glyph, { codePoints: [0x200b] })
          : glyph,
      );
      return run;
    };
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      if ('_addGlyph' in subset) evenGlyphs(subset as unknown as TrueTypeSubset);
      return subset;
    };
    return font;
  },
};

let loaded: WatermarkFont[] | null = null;

/** The watermark fonts, read and parsed on first use and kept for the life of the process (read-only). */
export function watermarkFonts(): WatermarkFont[] {
  if (loaded) return loaded;
  loaded = WATERMARK_FONT_FILES.map((file) => {
    const bytes = new Uint8Array(readFileSync(path.join(process.cwd(), file)));
    const font = watermarkFontkit.create(bytes);
    const em = font.unitsPerEm;
    return {
      bytes,
      covers: (codePoint: number) => font.hasGlyphForCodePoint(codePoint),
      layout(text: string) {
        const run = font.layout(text);
        let pen = 0;
        let shifted = false;
        const glyphs = run.glyphs.map((glyph, i) => {
          const position = run.positions[i]!;
          const placed = {
            x: (pen + position.xOffset) / em,
            y: position.yOffset / em,
            natural: !shifted && position.xOffset === 0 && position.yOffset === 0,
          };
          shifted = position.xOffset !== 0 || position.yOffset !== 0 || position.xAdvance !== glyph.advanceWidth;
          pen += position.xAdvance;
          return placed;
        });
        return { glyphs, width: pen / em };
      },
    };
  });
  return loaded;
}
