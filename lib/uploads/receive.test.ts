import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, blockedHashes, files, outbox } from '@/db/schema';
import { openEmail } from '@/lib/email/sealed';
import { createUser, signedIn } from '@/testing/factories';
import { setStorage, storage, type Storage } from '@/lib/storage';
import { ServiceUnavailableError } from '@/lib/errors';
import { temporaryStorage } from '@/testing/storage';
import { receiveUpload } from './receive';
import { minimalDocx, minimalOdt, minimalPdf, storedZip } from '@/testing/uploads';

const request = { ip: '203.0.113.9', userAgent: 'vitest' };
const root = temporaryStorage();

async function storedObjects(): Promise<string[]> {
  const out = await readdir(root(), { recursive: true, withFileTypes: true }).catch(() => []);
  return out.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
async function fileRows() {
  return getDb().select().from(files);
}
const send = (bytes: Buffer, declared: boolean = true) => ({ body: Readable.from([bytes]), declaredSize: declared ? bytes.length : null });

describe('receiveUpload', () => {
  it('stores a real PDF with its SHA-256 and MD5, under a server-made key, audited', async () => {
    const viewer = await signedIn();
    const pdf = minimalPdf('Model National Response notes');
    const result = await receiveUpload(viewer, { fileName: 'MNR notes.pdf', ...send(pdf) }, request);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [row] = await getDb().select().from(files).where(eq(files.id, result.file.id));
    expect(row).toMatchObject({
      contentType: 'application/pdf',
      size: pdf.length,
      originalName: 'MNR notes.pdf',
      sha256: createHash('sha256').update(pdf).digest('hex'),
      md5: createHash('md5').update(pdf).digest('hex'),
      uploadedBy: viewer.id,
      purpose: 'resource',
    });
    expect(row!.storageKey).toMatch(/^resource\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    const chunks: Buffer[] = [];
    for await (const c of await storage().get(row!.storageKey)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(pdf)).toBe(true);
    const audits = await getDb().select().from(auditLog).where(eq(auditLog.action, 'file.uploaded'));
    expect(audits.some((a) => a.targetId === row!.id)).toBe(true);
  });

  it.each([
    ['docx', minimalDocx()],
    ['odt', minimalOdt()],
    ['txt', Buffer.from('Plain notes, in UTF-8: ça va, مرحبا\n')],
    ['csv', Buffer.from('country,year\nGB,2024\n')],
  ])('accepts a real %s', async (ext, bytes) => {
    const viewer = await signedIn();
    const result = await receiveUpload(viewer, { fileName: `document.${ext}`, ...send(bytes) }, request);
    expect(result).toMatchObject({ ok: true });
  });

  describe('refusals leave nothing behind', () => {
    const cases: [string, string, Buffer | (() => Promise<Buffer>), string][] = [
      ['HTML named .pdf', 'report.pdf', Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'), 'typeMismatch'],
      ['a Windows executable named .pdf', 'report.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]), 'typeMismatch'],
      [
        'an ELF executable named .pdf',
        'report.pdf',
        Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(200)]),
        'typeMismatch',
      ],
      ['a PDF named .docx', 'report.docx', minimalPdf('x'), 'typeMismatch'],
      ['a plain zip named .docx', 'report.docx', storedZip([['readme.txt', 'hello']]), 'typeMismatch'],
      ['a PDF named .txt', 'notes.txt', minimalPdf('x'), 'typeMismatch'],
      ['text with NUL bytes named .txt', 'notes.txt', Buffer.from('abc\u0000def'), 'notText'],
      ['invalid UTF-8 named .csv', 'data.csv', Buffer.from([0x61, 0xff, 0xfe, 0x62]), 'notText'],
      ['an executable extension', 'tool.exe', Buffer.from('MZ'), 'typeNotAllowed'],
      ['HTML', 'page.html', Buffer.from('<html></html>'), 'typeNotAllowed'],
      ['no extension', 'report', minimalPdf('x'), 'typeNotAllowed'],
      ['an empty file', 'empty.pdf', Buffer.alloc(0), 'empty'],
      ['a parent-directory name', '../../etc/passwd.pdf', minimalPdf('x'), 'nameInvalid'],
      ['a slash in the name', 'reports/2024.pdf', minimalPdf('x'), 'nameInvalid'],
      ['a backslash in the name', '..\\report.pdf', minimalPdf('x'), 'nameInvalid'],
      ['a control character in the name', 'rep\u0000ort.pdf', minimalPdf('x'), 'nameInvalid'],
      ['a broken image', 'photo.png', Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(40)]), 'imageUnreadable'],
    ];
    it.each(cases)('%s', async (_label, fileName, bytes, refusal) => {
      const viewer = await signedIn();
      const before = { rows: (await fileRows()).length, objects: (await storedObjects()).length };
      const data = typeof bytes === 'function' ? await bytes() : bytes;
      const result = await receiveUpload(viewer, { fileName, ...send(data) }, request);
      expect(result).toEqual({ ok: false, refusal });
      expect((await fileRows()).length).toBe(before.rows);
      expect((await storedObjects()).length).toBe(before.objects);
    });

    it('a file over the limit, whether declared or found while streaming', async () => {
      const viewer = await signedIn();
      const before = { rows: (await fileRows()).length, objects: (await storedObjects()).length };
      expect(
        await receiveUpload(viewer, { fileName: 'big.pdf', body: Readable.from([Buffer.alloc(1)]), declaredSize: 51 * 1024 * 1024 }, request),
      ).toEqual({
        ok: false,
        refusal: 'tooLarge',
      });
      // No Content-Length: counted while streaming, refused at the limit without reading the rest.
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const endless = new Readable({
        read() {
          sent++;
          this.push(sent === 1 ? Buffer.concat([Buffer.from('%PDF-1.4\n'), chunk]) : sent > 80 ? null : chunk);
        },
      });
      expect(await receiveUpload(viewer, { fileName: 'big.pdf', body: endless, declaredSize: null }, request)).toEqual({
        ok: false,
        refusal: 'tooLarge',
      });
      expect(sent).toBeLessThan(60);
      expect((await fileRows()).length).toBe(before.rows);
      expect((await storedObjects()).length).toBe(before.objects);
    });
  });

  it('re-encodes images without their metadata', async () => {
    const viewer = await signedIn();
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Someone identifiable', ImageDescription: 'secret place' } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const result = await receiveUpload(viewer, { fileName: 'photo.jpg', ...send(jpeg) }, request);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [row] = await getDb().select().from(files).where(eq(files.id, result.file.id));
    const chunks: Buffer[] = [];
    for await (const c of await storage().get(row!.storageKey)) chunks.push(c as Buffer);
    const stored = Buffer.concat(chunks);
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.format).toBe('jpeg');
    expect(row!.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
  });

  it('refuses a block-listed hash with a neutral answer, stores nothing, audits and tells the admins', async () => {
    const admin = await createUser({ role: 'admin' });
    const viewer = await signedIn();
    const bytes = minimalPdf('a listed file');
    await getDb()
      .insert(blockedHashes)
      .values({ algorithm: 'md5', hash: createHash('md5').update(bytes).digest('hex') });
    const before = { rows: (await fileRows()).length, objects: (await storedObjects()).length };
    const result = await receiveUpload(viewer, { fileName: 'listed.pdf', ...send(bytes) }, request);
    expect(result).toEqual({ ok: false, refusal: 'refused' });
    expect((await fileRows()).length).toBe(before.rows);
    expect((await storedObjects()).length).toBe(before.objects);
    const [entry] = await getDb().select().from(auditLog).where(eq(auditLog.action, 'upload.blocked'));
    expect(entry).toMatchObject({ actorId: viewer.id, ip: request.ip });
    expect(entry!.details).toMatchObject({ sha256: createHash('sha256').update(bytes).digest('hex') });
    const mails = await getDb().select().from(outbox).where(eq(outbox.to, admin.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.template).toBe('fileQuarantined');
    expect(openEmail(mails[0]!).text).not.toContain('listed.pdf');
  });

  it('removes the stored bytes when the row cannot be written, and writes no row when storage fails (answered as storage unavailable)', async () => {
    const viewer = await signedIn();
    const ghost = { ...viewer, id: '00000000-0000-4000-8000-000000000000' }; // no such user: the row's foreign key fails
    const before = { rows: (await fileRows()).length, objects: (await storedObjects()).length };
    await expect(receiveUpload(ghost, { fileName: 'a.pdf', ...send(minimalPdf('x')) }, request)).rejects.toThrow();
    expect((await storedObjects()).length).toBe(before.objects);

    const failing: Storage = { kind: 'local', put: async () => Promise.reject(new Error('disk full')), get: storage().get, delete: storage().delete };
    const saved = storage();
    setStorage(failing);
    try {
      await expect(receiveUpload(viewer, { fileName: 'b.pdf', ...send(minimalPdf('x')) }, request)).rejects.toThrow(ServiceUnavailableError);
    } finally {
      setStorage(saved);
    }
    expect((await fileRows()).length).toBe(before.rows);
  });
});
