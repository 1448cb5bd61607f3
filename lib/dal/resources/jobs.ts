import 'server-only';
import { getDocumentProxy } from 'unpdf';
import { discardUnattachedFile, saveExtractedText, unsafeCurrentPdf } from '@/lib/dal/resources/files';
import { registerJob } from '@/lib/jobs';
import { storage } from '@/lib/storage';

/**
 * Background work of the resource library: the text of PDFs for search (capped: files up to 40 MB,
 * the first 300 pages, 200,000 characters), and discarding uploads nobody attached to a resource.
 */
const PDF_TEXT_LIMITS = { maxBytes: 40 * 1024 * 1024, maxPages: 300, maxChars: 200_000 };

async function readAll(key: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage().get(key)) chunks.push(Buffer.from(chunk as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}

/** The text of a PDF, page by page, up to the limits. */
async function pdfText(bytes: Uint8Array, limits = PDF_TEXT_LIMITS): Promise<string> {
  const pdf = await getDocumentProxy(bytes);
  try {
    let text = '';
    const pages = Math.min(pdf.numPages, limits.maxPages);
    for (let n = 1; n <= pages && text.length < limits.maxChars; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const line = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      text += `${line}\n`;
    }
    return text
      .replace(/\u0000/g, ' ')
      .replace(/[ \t]+/g, ' ')
      .slice(0, limits.maxChars);
  } finally {
    await pdf.destroy();
  }
}

async function extractResourceText(resourceId: string): Promise<void> {
  const pdf = await unsafeCurrentPdf(resourceId);
  if (!pdf || pdf.size > PDF_TEXT_LIMITS.maxBytes) return;
  let text = '';
  try {
    text = await pdfText(await readAll(pdf.storageKey));
  } catch {
    return; // an unreadable or encrypted PDF has no searchable text; nothing to retry
  }
  await saveExtractedText(resourceId, pdf.fileId, text);
}

registerJob('resources.extractText', ({ resourceId }) => extractResourceText(resourceId));
registerJob('resources.discardUnattachedFile', async ({ fileId }) => {
  await discardUnattachedFile(fileId);
});
