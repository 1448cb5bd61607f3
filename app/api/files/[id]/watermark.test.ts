import { describe, expect, it, vi } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { downloadTrailLength } from '@/testing/audit';
import { createResource } from '@/lib/dal/resources/write';
import { createOrganisation, signedIn } from '@/testing/factories';
import { actAs } from '@/testing/request-scope';
import { temporaryStorage } from '@/testing/storage';
import { uploadAs } from '@/testing/upload-route';
import { resourceInput } from '@/testing/resources';
import type { TlpMarking } from '@/lib/values';
import { GET } from './route';

vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);
vi.mock('next-intl/server', async () => (await import('@/testing/request-scope')).nextIntlServer);

const request = { ip: '203.0.113.5', userAgent: 'vitest' };
const get = (id: string) =>
  GET(new Request(`http://portal.test/api/files/${id}`, { headers: { 'sec-fetch-site': 'same-origin' } }), { params: Promise.resolve({ id }) });
temporaryStorage();

async function pdfWithText(text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawText(text, { x: 50, y: 700, size: 14 });
  pdf.addPage([595, 842]).drawText(`${text} page two`, { x: 50, y: 700, size: 14 });
  return Buffer.from(await pdf.save());
}

const pagesOf = async (res: Response) =>
  (await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), { mergePages: false })).text;

describe('GET /api/files/[id] and TLP markings (decision 030)', () => {
  it('sends AMBER, AMBER+STRICT and RED PDFs with the downloader’s name, organisation and time on every page, and trails them', async () => {
    const org = await createOrganisation({ name: 'Hotline Watermark' });
    const contributor = await signedIn({ organisationId: org.id });
    const reader = await signedIn({ organisationId: org.id, name: 'Rita Reader' });
    for (const marking of ['amber', 'amber_strict', 'red'] as TlpMarking[]) {
      const up = await uploadAs(contributor, await pdfWithText(`Quarterly ${marking}`), `${marking}.pdf`);
      const fileId = up.body.file!.id;
      const id = await createResource(
        contributor,
        resourceInput({ title: `Quarterly ${marking}`, kind: 'file', fileId, url: undefined, marking, markingPeople: [reader.id] }),
        request,
      );
      await actAs(reader);
      const before = await downloadTrailLength(id);
      const res = await get(fileId);
      expect(res.status, marking).toBe(200);
      expect(res.headers.get('etag'), marking).toBeNull();
      const pages = await pagesOf(res);
      expect(pages).toHaveLength(2);
      for (const page of pages) {
        expect(page).toContain(`Rita Reader (Hotline Watermark)`);
        expect(page).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
        expect(page).toContain(marking === 'red' ? 'TLP:RED' : marking === 'amber' ? 'TLP:AMBER' : 'TLP:AMBER+STRICT');
      }
      expect(await downloadTrailLength(id)).toBe(before + 1);
    }
  });

  it('sends GREEN PDFs as they were stored', async () => {
    const contributor = await signedIn();
    const pdf = await pdfWithText('Plain green');
    const up = await uploadAs(contributor, pdf, 'green.pdf');
    await createResource(contributor, resourceInput({ title: 'Green', kind: 'file', fileId: up.body.file!.id, url: undefined }), request);
    await actAs(await signedIn());
    const res = await get(up.body.file!.id);
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
  });
});
