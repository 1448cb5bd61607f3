import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
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

  it('replaces characters the standard font cannot draw instead of failing', async () => {
    expect(watermarkText({ ...stamp, name: 'سارة Müller' })).toContain('???? Müller');
    await expect(watermarkPdf(await twoPagePdf(), { ...stamp, name: 'سارة' })).resolves.toBeInstanceOf(Uint8Array);
  });

  it('refuses bytes that are not a PDF', async () => {
    await expect(watermarkPdf(new TextEncoder().encode('not a pdf'), stamp)).rejects.toThrow();
  });
});
