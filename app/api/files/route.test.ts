import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { auditRowsOf, logoFileOf, storedFileCount } from '@/testing/audit';
import { addBlockedHash } from '@/lib/dal/console/blocklist';
import { createOrganisation, signedIn } from '@/testing/factories';
import { actAs } from '@/testing/request-scope';
import { temporaryStorage } from '@/testing/storage';
import { POST } from './route';

vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);
vi.mock('next-intl/server', async () => (await import('@/testing/request-scope')).nextIntlServer);

const request = { ip: '203.0.113.60', userAgent: 'vitest' };
temporaryStorage();

const image = (background: string) =>
  sharp({ create: { width: 64, height: 64, channels: 3, background } })
    .png()
    .toBuffer();

/**
 * A body that records how much of it was read: chunks of `chunk` bytes of `bytes`, or of zeros without
 * end. Nothing is pulled before someone reads (highWaterMark 0).
 */
function watchedBody(source: { bytes?: Buffer; chunk?: number } = {}) {
  const chunk = source.chunk ?? 64 * 1024;
  let offset = 0;
  const watch = { read: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const piece = source.bytes ? source.bytes.subarray(offset, offset + chunk) : new Uint8Array(chunk);
        offset += piece.length;
        if (piece.length === 0) return controller.close();
        watch.read += piece.length;
        controller.enqueue(new Uint8Array(piece));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, watch };
}

function postLogo(organisationId: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  const url = `http://portal.test/api/files?purpose=logo&organisation=${organisationId}&name=logo.png`;
  return POST(new Request(url, { method: 'POST', body, duplex: 'half', headers: { 'sec-fetch-site': 'same-origin', ...headers } } as RequestInit));
}

describe('POST /api/files (logos) through the streaming receiver', () => {
  it('logo permission before the body: anyone but the organisation’s focal points and admins gets 404 with nothing read', async () => {
    const org = await createOrganisation();
    const outsiders = [await signedIn({ organisationId: org.id }), await signedIn({ isFocalPoint: true }), await signedIn({ role: 'moderator' })];
    for (const viewer of outsiders) {
      await actAs(viewer);
      const { stream, watch } = watchedBody({ bytes: await image('#123') });
      const res = await postLogo(org.id, stream);
      expect(res.status).toBe(404);
      expect(watch.read).toBe(0);
    }
    expect(await logoFileOf(org.id)).toBeNull();

    // Another site's page is refused before anything else (and nothing is read either).
    await actAs(await signedIn({ organisationId: org.id, isFocalPoint: true }));
    const { stream, watch } = watchedBody({ bytes: await image('#123') });
    expect((await postLogo(org.id, stream, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(watch.read).toBe(0);
  });

  it('logo size cap while streaming: an endless body is cut off just past 2 MB and refused; audited success otherwise', async () => {
    const org = await createOrganisation();
    const focal = await signedIn({ organisationId: org.id, isFocalPoint: true });
    await actAs(focal);
    const endless = watchedBody();
    const res = await postLogo(org.id, endless.stream);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toMatch(/larger than 2 MB/);
    expect(endless.watch.read).toBeLessThanOrEqual(2 * 1024 * 1024 + 2 * 64 * 1024);
    // Said too large up front: not read at all.
    const declared = watchedBody({ bytes: await image('#456') });
    expect((await postLogo(org.id, declared.stream, { 'content-length': String(3 * 1024 * 1024) })).status).toBe(413);
    expect(declared.watch.read).toBe(0);
    expect(await logoFileOf(org.id)).toBeNull();

    const ok = await postLogo(org.id, watchedBody({ bytes: await image('#0a5') }).stream);
    expect(ok.status).toBe(200);
    const { fileId } = (await ok.json()) as { fileId: string };
    expect(await logoFileOf(org.id)).toBe(fileId);
    const [entry] = await auditRowsOf('organisation.logo_updated', { targetId: org.id });
    expect(entry).toMatchObject({ actorId: focal.id, details: { fileId, from: 'image/png' } });
  });

  it('logo hash block list: a listed image is refused with a neutral sentence, audited, and nothing stored', async () => {
    const org = await createOrganisation();
    const admin = await signedIn({ role: 'admin' });
    const bytes = await image('#f00');
    await addBlockedHash(admin, { hash: createHash('sha256').update(bytes).digest('hex'), note: 'test' }, request);
    const before = await storedFileCount();

    await actAs(admin);
    const res = await postLogo(org.id, watchedBody({ bytes }).stream);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'refused', message: 'This image cannot be used on the portal.' });
    expect(await logoFileOf(org.id)).toBeNull();
    expect(await storedFileCount()).toBe(before);
    const blocked = await auditRowsOf('upload.blocked');
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toMatchObject({ actorId: admin.id });
  });
});
