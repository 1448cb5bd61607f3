import { describe, expect, it, vi } from 'vitest';
import { signedIn } from '@/testing/factories';
import { actAs } from '@/testing/request-scope';
import { temporaryStorage } from '@/testing/storage';
import { uploadAs } from '@/testing/upload-route';
import { minimalPdf } from '@/testing/uploads';
import { consume } from '@/lib/rate-limit';
import { POST as upload } from './route';

vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);
vi.mock('next-intl/server', async () => (await import('@/testing/request-scope')).nextIntlServer);

temporaryStorage();

describe('POST /api/uploads', () => {
  it('answers refusals with a status and a sentence', async () => {
    const viewer = await signedIn();
    const spoofed = await uploadAs(viewer, Buffer.from('<html><script>alert(1)</script></html>'), 'report.pdf');
    expect(spoofed.status).toBe(415);
    expect(spoofed.body.error).toBe('typeMismatch');
    expect(spoofed.body.message).toMatch(/does not match/);
    const empty = await uploadAs(viewer, Buffer.alloc(0), 'empty.pdf');
    expect(empty).toMatchObject({ status: 400, body: { error: 'empty' } });
    const pathy = await uploadAs(viewer, minimalPdf('x'), '../secret.pdf');
    expect(pathy).toMatchObject({ status: 400, body: { error: 'nameInvalid' } });
    await actAs(viewer);
    const big = await upload(
      new Request('http://portal.test/api/uploads?name=big.pdf', {
        method: 'POST',
        body: 'x',
        headers: { 'content-length': String(60 * 1024 * 1024) },
      }),
    );
    expect(big.status).toBe(413);
  });

  it('refuses an upload another site’s page sends', async () => {
    const viewer = await signedIn();
    const refused = await uploadAs(viewer, minimalPdf('x'), 'notes.pdf', { 'sec-fetch-site': 'cross-site' });
    expect(refused).toEqual({ status: 403, body: { error: 'forbidden', message: expect.stringMatching(/portal’s own pages/) } });
    expect((await uploadAs(viewer, minimalPdf('x'), 'notes.pdf', { 'sec-fetch-site': 'same-origin' })).status).toBe(201);
  });

  it('says the upload limit was reached and when to try again', async () => {
    const viewer = await signedIn();
    for (let i = 0; i < 30; i++) await consume('upload', `user:${viewer.id}`);
    const refused = await uploadAs(viewer, minimalPdf('x'), 'notes.pdf');
    expect(refused).toEqual({
      status: 429,
      body: { error: 'rate_limited', message: 'You have reached the upload limit. You can upload again in 10 minutes.' },
    });
  });
});
