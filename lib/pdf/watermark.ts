/**
 * A visible watermark on every page of a PDF (decision 030): downloads of AMBER, AMBER+STRICT and RED
 * resources carry the downloader's name, organisation and the time (UTC) with the TLP label, along the
 * bottom edge and across the middle of each page, drawn with pdf-lib. Names are drawn in any script the
 * Noto fonts of lib/pdf/fonts.ts cover (Latin, Vietnamese, Cyrillic, Greek, Arabic), embedded as subsets,
 * shaped by fontkit and ordered by the bidirectional algorithm (lib/pdf/runs.ts). A character none of them
 * has (CJK, Hebrew, Devanagari…) becomes '?'; the download trail keeps the identity in full.
 */
import 'server-only';
import {
  beginText,
  endText,
  PDFDocument,
  PDFHexString,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingColor,
  setFontAndSize,
  setGraphicsState,
  setTextMatrix,
  showText,
  type Color,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { watermarkFontkit, watermarkFonts, type PlacedGlyph } from './fonts';
import { isolated, visualRuns, withoutIsolates, type Run } from './runs';

export interface WatermarkStamp {
  label: string;
  name: string;
  organisation: string;
  at: Date;
}

/** The stamp's line in logical order, the name and organisation isolated (neither reorders the rest). */
function stampLine(stamp: WatermarkStamp): string {
  const when = `${stamp.at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `${stamp.label}  ${isolated(stamp.name)} (${isolated(stamp.organisation)})  ${when}`;
}

function runsOf(stamp: WatermarkStamp): Run[] {
  const fonts = watermarkFonts();
  return visualRuns(stampLine(stamp), (font, codePoint) => fonts[font]!.covers(codePoint), fonts.length);
}

/** The stamp as a reader sees it, in logical order, with '?' for characters no watermark font has. */
export function watermarkText(stamp: WatermarkStamp): string {
  const fonts = watermarkFonts();
  const line = stampLine(stamp).normalize('NFC');
  return withoutIsolates(
    Array.from(line)
      .map((char) => {
        const codePoint = char.codePointAt(0) ?? 0;
        return /[\u2068\u2069]/.test(char) || (codePoint <= 0xffff && fonts.some((font) => font.covers(codePoint))) ? char : '?';
      })
      .join(''),
  );
}

interface PlacedRun {
  font: PDFFont;
  /** The glyphs, each with the subset's glyph id (4 hex digits) and its place in ems from the run's start. */
  glyphs: (PlacedGlyph & { hex: string })[];
  /** Width in ems. */
  width: number;
}

/**
 * The runs drawn one after the other along a baseline from (x, y) at `angle` radians, each glyph where
 * fontkit's layout put it: pdf-lib's own `drawText` would drop the mark positions (Arabic dots).
 * A glyph that follows its predecessor naturally shares its `Tj`.
 */
function drawRuns(
  page: PDFPage,
  runs: PlacedRun[],
  at: { x: number; y: number; size: number; angle: number },
  style: { color: Color; state?: PDFName; fontKey: (font: PDFFont) => PDFName },
) {
  const cos = Math.cos(at.angle);
  const sin = Math.sin(at.angle);
  const operators: PDFOperator[] = [
    pushGraphicsState(),
    ...(style.state ? [setGraphicsState(style.state)] : []),
    beginText(),
    setFillingColor(style.color),
  ];
  let start = 0;
  for (const run of runs) {
    operators.push(setFontAndSize(style.fontKey(run.font), at.size));
    let pending = '';
    const flush = () => {
      if (pending) operators.push(showText(PDFHexString.of(pending)));
      pending = '';
    };
    for (const glyph of run.glyphs) {
      if (!glyph.natural || !pending) {
        flush();
        const along = (start + glyph.x) * at.size;
        const across = glyph.y * at.size;
        operators.push(setTextMatrix(cos, sin, -sin, cos, at.x + along * cos - across * sin, at.y + along * sin + across * cos));
      }
      pending += glyph.hex;
    }
    flush();
    start += run.width;
  }
  operators.push(endText(), popGraphicsState());
  page.pushOperators(...operators);
}

/** The PDF with the stamp on every page; throws when the bytes are not a PDF pdf-lib can read. */
export async function watermarkPdf(bytes: Uint8Array, stamp: WatermarkStamp): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { ignoreEncryption: false, updateMetadata: false });
  pdf.registerFontkit(watermarkFontkit);
  const fonts = watermarkFonts();
  const embedded = new Map<number, PDFFont>();
  const runs: PlacedRun[] = [];
  for (const run of runsOf(stamp)) {
    let font = embedded.get(run.font);
    if (!font) {
      // A subset: the PDF grows by the glyphs drawn, not by the font.
      font = await pdf.embedFont(fonts[run.font]!.bytes, { subset: true });
      embedded.set(run.font, font);
    }
    // pdf-lib's encoding adds the glyphs to the subset and gives their ids there, in layout order.
    const hex = font.encodeText(run.text).asString();
    const layout = fonts[run.font]!.layout(run.text);
    if (hex.length !== layout.glyphs.length * 4) throw new Error('The watermark font laid the text out differently twice');
    runs.push({ font, width: layout.width, glyphs: layout.glyphs.map((glyph, i) => ({ ...glyph, hex: hex.slice(i * 4, i * 4 + 4) })) });
  }
  const translucent = pdf.context.register(pdf.context.obj({ Type: 'ExtGState', ca: 0.25, CA: 0.25 }));
  const unitWidth = Math.max(
    1,
    runs.reduce((sum, run) => sum + run.width, 0),
  );
  for (const page of pdf.getPages()) {
    const { width, height } = page.getSize();
    const footerSize = Math.max(6, Math.min(9, (width - 24) / unitWidth));
    page.drawRectangle({ x: 0, y: 0, width, height: footerSize + 8, color: rgb(0, 0, 0), opacity: 0.85 });
    // One entry per font in the page's resources, however many runs use it.
    const keys = new Map<PDFFont, PDFName>();
    const fontKey = (font: PDFFont) => keys.get(font) ?? keys.set(font, page.node.newFontDictionary(font.name, font.ref)).get(font)!;
    drawRuns(page, runs, { x: 12, y: 4, size: footerSize, angle: 0 }, { color: rgb(1, 1, 1), fontKey });
    const diagonal = Math.hypot(width, height);
    const size = Math.max(8, Math.min(28, (diagonal * 0.8) / unitWidth));
    const angle = Math.atan2(height, width);
    const textWidth = unitWidth * size;
    drawRuns(
      page,
      runs,
      { x: width / 2 - (Math.cos(angle) * textWidth) / 2, y: height / 2 - (Math.sin(angle) * textWidth) / 2, size, angle },
      { color: rgb(0.6, 0.1, 0.1), state: page.node.newExtGState('GS', translucent), fontKey },
    );
  }
  return pdf.save();
}
