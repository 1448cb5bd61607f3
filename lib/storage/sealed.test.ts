import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { openSealed, SealedFileError, sealedSize, sealStream } from './sealed';

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('sealed objects (the quarantine at rest)', () => {
  it('streams AES-256-GCM of exactly the announced size, with a fresh IV each time, and opens to the same bytes', async () => {
    const clear = Buffer.concat([Buffer.from('a report a hotline flagged\n'), Buffer.alloc(100_000, 3)]);
    const sealed = await collect(sealStream(Readable.from([clear.subarray(0, 10), clear.subarray(10)])));
    expect(sealed.length).toBe(sealedSize(clear.length));
    expect(sealed.includes(Buffer.from('hotline'))).toBe(false);
    const again = await collect(sealStream(Readable.from([clear])));
    expect(again.equals(sealed)).toBe(false);
    expect((await openSealed(Readable.from([sealed]))).equals(clear)).toBe(true);
    expect((await openSealed(Readable.from([await collect(sealStream(Readable.from([])))]))).length).toBe(0);
  });

  it('refuses what was changed, what is not sealed, and what another key sealed', async () => {
    const sealed = await collect(sealStream(Readable.from([Buffer.from('evidence')])));
    const tampered = Buffer.from(sealed);
    tampered[20] = tampered[20]! ^ 1;
    await expect(openSealed(Readable.from([tampered]))).rejects.toThrow(SealedFileError);
    await expect(openSealed(Readable.from([Buffer.from('plain bytes, never sealed, long enough to have a tag')]))).rejects.toThrow(SealedFileError);
    const c = config();
    const before = c.ENCRYPTION_KEY;
    c.ENCRYPTION_KEY = 'another-key-another-key-another-key-0123';
    try {
      await expect(openSealed(Readable.from([sealed]))).rejects.toThrow(/current key/);
    } finally {
      c.ENCRYPTION_KEY = before;
    }
  });
});
