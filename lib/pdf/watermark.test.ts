import { describe, expect, it } from 'vitest';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { watermarkFonts } from './fonts';
import { visualRuns } from './runs';
import { watermarkPdf, watermarkText } from './watermark';

async function twoPagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]);
  pdf.addPage([842, 595]);
  return pdf.save();
}

describe('watermarkPdf', () => {
  const stamp = { label: 'TLP:AMBER', name: 'Ana Souza', organisation: 'Safe Online Brasil', at: new Date('2026-03-04T05:06:07Z') };

  it('writes the downloader, their organisation, the time and the label on every page', async () => {
    const out = await watermarkPdf(await twoPagePdf(), stamp);
    const { text } = await extractText(await getDocumentProxy(out), { mergePages: false });
    expect(text).toHaveLength(2);
    for (const page of text) {
      expect(page).toContain('TLP:AMBER');
      expect(page).toContain('Ana Souza (Safe Online Brasil)');
      expect(page).toContain('2026-03-04 05:06 UTC');
    }
  });

  it.each([
    ['Arabic', 'أمينة الحسن', 'جمعية الأمل'],
    ['Cyrillic', 'Наталья Кузнецова', 'Ελληνική Ένωση'],
    ['Latin with diacritics', 'Nguyễn Thị Ñúñez-Łukasz', 'Çağrı Şahin Øvrebø'],
  ])('draws a name in %s, not question marks', async (_script, name, organisation) => {
    const out = await watermarkPdf(await twoPagePdf(), { ...stamp, name, organisation });
    const { text } = await extractText(await getDocumentProxy(out), { mergePages: false });
    for (const page of text) {
      expect(page).toContain(name);
      expect(page).toContain(organisation);
      expect(page).not.toContain('?');
    }
  });

  it('shapes Arabic into joined letters, right to left', () => {
    const arabic = watermarkFonts().at(-1)!;
    const all = fontkit
      .create(arabic.bytes)
      .layout('أمينة')
      .glyphs.map((glyph) => (glyph as unknown as { name: string }).name);
    expect(all).not.toContain('.notdef');
    // The letters without the dots and the hamza (marks placed on them).
    const glyphs = all.filter((name) => !/dot|^uni0654/.test(name));
    // Visual order, left to right: the final form of ة first, the alef (with its hamza mark) last.
    expect(glyphs[0]).toMatch(/\.fina/);
    expect(glyphs.at(-1)).toMatch(/^uni0627/);
    expect(glyphs.some((glyph) => /\.init/.test(glyph))).toBe(true);
    expect(glyphs.some((glyph) => /\.medi/.test(glyph))).toBe(true);
  });

  it('orders an Arabic name inside the Latin stamp right to left, digits left to right', () => {
    const fonts = watermarkFonts();
    const covers = (font: number, codePoint: number) => fonts[font]!.covers(codePoint);
    const runs = visualRuns('TLP:RED  \u2068سارة ٢٠٢٦ Ana\u2069 (X)', covers, fonts.length);
    const arabic = fonts.length - 1;
    expect(runs.map((run) => [run.text, run.font === arabic])).toEqual([
      ['TLP:RED  ', false],
      // The isolate is right to left (its first strong letter is Arabic): "Ana" leftmost, then the digits
      // (which fontkit reverses, so they are handed over reversed), then "سارة" in logical order with the
      // space after it (fontkit reverses it, the space landing on its left).
      ['Ana', false],
      [' ', true],
      ['٦٢٠٢', true],
      ['سارة ', true],
      [' (X)', false],
    ]);
  });

  it('replaces characters no watermark font has instead of failing', async () => {
    expect(watermarkText({ ...stamp, name: '山田 Müller' })).toContain('?? Müller');
    await expect(watermarkPdf(await twoPagePdf(), { ...stamp, name: '山田' })).resolves.toBeInstanceOf(Uint8Array);
  });

  it('refuses bytes that are not a PDF', async () => {
    await expect(watermarkPdf(new TextEncoder().encode('not a pdf'), stamp)).rejects.toThrow();
  });
});
