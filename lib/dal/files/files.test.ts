import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { files, organisations } from '@/db/schema';
import { createOrganisation, everyRole, signedIn } from '@/testing/factories';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError } from '@/lib/errors';
import { localStorage, setStorage } from '@/lib/storage';
import { receiveLogo } from '@/lib/uploads/logo';
import { openVisibleFile } from './files';

const request = { ip: '198.51.100.50', userAgent: 'vitest' };
let roles: Awaited<ReturnType<typeof everyRole>>;
let root: string;

beforeAll(async () => {
  roles = await everyRole();
  root = await mkdtemp(path.join(tmpdir(), 'pp-files-'));
  setStorage(localStorage(root));
});
afterAll(async () => {
  setStorage(undefined);
  await rm(root, { recursive: true, force: true });
});

const png = () =>
  sharp({ create: { width: 800, height: 400, channels: 3, background: '#0a5' } })
    .withExif({ IFD0: { Copyright: 'Secret Camera Owner', Artist: 'Someone' } })
    .jpeg()
    .toBuffer();

/** A logo through the streaming receiver (lib/uploads/logo.ts), as POST /api/files sends it. */
const setLogo = (viewer: Viewer, organisationId: string, bytes: Buffer, name: string) =>
  receiveLogo(viewer, organisationId, { fileName: name, body: Readable.from([bytes]), declaredSize: bytes.length }, request);

async function stored(viewer: Viewer, organisationId: string, bytes: Buffer, name: string): Promise<{ fileId: string }> {
  const result = await setLogo(viewer, organisationId, bytes, name);
  if (!result.ok) throw new Error(result.refusal);
  return result;
}

async function storedFiles(): Promise<number> {
  const walk = async (dir: string): Promise<number> => {
    let n = 0;
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      n += entry.isDirectory() ? await walk(path.join(dir, entry.name)) : 1;
    }
    return n;
  };
  return walk(root);
}

async function read(body: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

describe('organisation logos', () => {
  it('re-encodes to WebP without metadata, replaces the old logo, and serves it to members', async () => {
    const org = await createOrganisation();
    const focal = await signedIn({ organisationId: org.id, isFocalPoint: true });
    const bytes = await png();
    expect(bytes.includes(Buffer.from('Secret Camera Owner'))).toBe(true);

    const first = await stored(focal, org.id, bytes, 'camera.jpg');
    const second = await stored(roles.admin, org.id, bytes, '../../etc/passwd.jpg');
    const [row] = await getDb().select().from(organisations).where(eq(organisations.id, org.id));
    expect(row!.logoFileId).toBe(second.fileId);
    expect(await getDb().select().from(files).where(eq(files.id, first.fileId))).toEqual([]);
    expect(await storedFiles()).toBe(1);

    const served = await openVisibleFile(roles.member, second.fileId);
    expect(served.contentType).toBe('image/webp');
    // A name with path parts is not kept: the logo is called 'logo'.
    expect(served.downloadName).toBe('logo.webp');
    const out = await read(served.body);
    expect(out.includes(Buffer.from('Secret Camera Owner'))).toBe(false);
    const meta = await sharp(out).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['webp', 512, 256, undefined]);
  });

  it('is changed only by the organisation’s focal points and admins; nothing is stored otherwise', async () => {
    const org = await createOrganisation();
    const colleague = await signedIn({ organisationId: org.id });
    const before = await storedFiles();
    for (const viewer of [roles.member, roles.focalPoint, roles.moderator, colleague]) {
      await expect(setLogo(viewer, org.id, await png(), 'x.jpg')).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await storedFiles()).toBe(before);
  });

  it('refuses spoofed, oversized and broken files, saving nothing', async () => {
    const org = await createOrganisation();
    const focal = await signedIn({ organisationId: org.id, isFocalPoint: true });
    const before = await storedFiles();
    const cases: [Buffer, string][] = [
      [Buffer.from('<svg onload="alert(1)"></svg>'), 'typeMismatch'],
      [Buffer.from('%PDF-1.7\n...'), 'typeMismatch'],
      [Buffer.concat([await png(), Buffer.alloc(2 * 1024 * 1024)]), 'tooLarge'],
      [
        (
          await sharp({ create: { width: 50, height: 50, channels: 3, background: '#000' } })
            .png()
            .toBuffer()
        ).subarray(0, 60),
        'imageUnreadable',
      ],
      [Buffer.alloc(0), 'empty'],
    ];
    for (const [bytes, refusal] of cases) {
      expect(await setLogo(focal, org.id, bytes, 'logo.png')).toEqual({ ok: false, refusal });
    }
    expect(await storedFiles()).toBe(before);
    const [row] = await getDb().select().from(organisations).where(eq(organisations.id, org.id));
    expect(row!.logoFileId).toBeNull();
  });

  it('hides the logo of an organisation members may not see, and files of other purposes', async () => {
    const org = await createOrganisation();
    const { fileId } = await stored(roles.admin, org.id, await png(), 'l.jpg');
    await getDb().update(organisations).set({ status: 'inactive' }).where(eq(organisations.id, org.id));
    // A former member's page (and logo) stays open to members.
    expect((await openVisibleFile(roles.member, fileId)).purpose).toBe('logo');
    await getDb().update(organisations).set({ status: 'rejected' }).where(eq(organisations.id, org.id));
    await expect(openVisibleFile(roles.member, fileId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await openVisibleFile(roles.admin, fileId)).purpose).toBe('logo');

    const [resource] = await getDb()
      .insert(files)
      .values({
        storageKey: 'resource/2026/01/00000000-0000-4000-8000-000000000000',
        purpose: 'resource',
        contentType: 'application/pdf',
        size: 1,
        sha256: 'x',
        md5: 'y',
        originalName: 'r.pdf',
      })
      .returning();
    await expect(openVisibleFile(roles.member, resource!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(openVisibleFile(roles.member, 'nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});
