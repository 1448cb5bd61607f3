/**
 * A visible watermark on every page of a PDF (decision 030): downloads of AMBER, AMBER+STRICT and RED
 * resources carry the downloader's name, organisation and the time (UTC) with the TLP label, along the
 * bottom edge and across the middle of each page, drawn with pdf-lib. Names are drawn with a standard
 * font (WinAnsi): characters it cannot encode (Arabic, CJK…) are replaced by '?' rather than dropped,
 * and the downloader's identity stays in the download trail in full.
 */
import 'server-only';
import { degrees, PDFDocument, rgb, StandardFonts } from 'pdf-lib';

export interface WatermarkStamp {
  label: string;
  name: string;
  organisation: string;
  at: Date;
}

/** WinAnsi can draw Latin-1 and a few more; anything else becomes '?'. */
function drawable(text: string): string {
  return text.normalize('NFC').replace(/[^\x20-\x7E\u00A0-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2026]/g, '?');
}

export function watermarkText(stamp: WatermarkStamp): string {
  const when = `${stamp.at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return drawable(`${stamp.label}  ${stamp.name} (${stamp.organisation})  ${when}`);
}

/** The PDF with the stamp on every page; throws when the bytes are not a PDF pdf-lib can read. */
export async function watermarkPdf(bytes: Uint8Array, stamp: WatermarkStamp): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { ignoreEncryption: false, updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.HelveticaBold);
  const text = watermarkText(stamp);
  for (const page of pdf.getPages()) {
    const { width, height } = page.getSize();
    const footerSize = Math.max(6, Math.min(9, (width - 24) / Math.max(1, font.widthOfTextAtSize(text, 1))));
    page.drawRectangle({ x: 0, y: 0, width, height: footerSize + 8, color: rgb(0, 0, 0), opacity: 0.85 });
    page.drawText(text, { x: 12, y: 4, size: footerSize, font, color: rgb(1, 1, 1) });
    const diagonal = Math.hypot(width, height);
    const size = Math.max(8, Math.min(28, (diagonal * 0.8) / Math.max(1, font.widthOfTextAtSize(text, 1))));
    const angle = Math.atan2(height, width);
    const textWidth = font.widthOfTextAtSize(text, size);
    page.drawText(text, {
      x: width / 2 - (Math.cos(angle) * textWidth) / 2,
      y: height / 2 - (Math.sin(angle) * textWidth) / 2,
      size,
      font,
      color: rgb(0.6, 0.1, 0.1),
      opacity: 0.25,
      rotate: degrees((angle * 180) / Math.PI),
    });
  }
  return pdf.save();
}
