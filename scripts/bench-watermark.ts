/**
 * How long watermarking a 20-page PDF takes (decision 030, "names in every script"): prints the
 * milliseconds of the first call (which reads and parses the fonts) and the median of the next ones,
 * for a Latin, a Cyrillic and an Arabic name, and how many bytes the watermark adds.
 *
 *   npx tsx --import ./scripts/server-only-stub.mjs scripts/bench-watermark.ts
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { watermarkPdf } from '@/lib/pdf/watermark';

async function twentyPages(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < 20; i += 1) pdf.addPage([595, 842]).drawText(`Page ${i + 1}`, { x: 50, y: 780, size: 14, font });
  return pdf.save();
}

const source = await twentyPages();
const at = new Date('2026-12-01T09:00:00Z');
for (const name of ['Ana Souza', 'Наталья Кузнецова', 'أمينة الحسن']) {
  const stamp = { label: 'TLP:AMBER', name, organisation: 'Safe Online Brasil', at };
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 11; i += 1) {
    const started = performance.now();
    size = (await watermarkPdf(source, stamp)).byteLength;
    times.push(performance.now() - started);
  }
  const [first, ...rest] = times;
  rest.sort((a, b) => a - b);
  console.log(`${name}: first ${first!.toFixed(0)} ms, median of 10 ${rest[5]!.toFixed(0)} ms, ${source.byteLength} → ${size} bytes`);
}
