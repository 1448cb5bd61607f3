import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeClamd, freePort } from '@/testing/clamd';
import { clamdAddress, parseReply, ScannerError, scanStream } from './clamav';

describe('the clamd INSTREAM client (against a fake clamd)', () => {
  const servers: { close: () => Promise<void> }[] = [];
  afterAll(async () => Promise.all(servers.map((s) => s.close())));

  it('sends the bytes in length-prefixed chunks of at most 64 KB, ended by a zero length, and reads the verdict', async () => {
    const fake = await fakeClamd((bytes) => (bytes.includes(Buffer.from('BAD')) ? 'stream: Test.Bad FOUND' : 'stream: OK'));
    servers.push(fake);
    const big = Buffer.alloc(150 * 1024, 7);
    expect(await scanStream(fake.url, Readable.from([big.subarray(0, 1000), big.subarray(1000)]))).toEqual({ clean: true });
    expect(fake.streams[0]!.command).toBe('zINSTREAM');
    expect(fake.streams[0]!.bytes.equals(big)).toBe(true);
    expect(Math.max(...fake.streams[0]!.chunks)).toBeLessThanOrEqual(64 * 1024);
    expect(await scanStream(fake.url, Readable.from([Buffer.from('a BAD file')]))).toEqual({ clean: false, signature: 'Test.Bad' });
    expect(await scanStream(fake.url, Readable.from([]))).toEqual({ clean: true });
  });

  it('turns an error answer, a closed port and a silent server into ScannerError', async () => {
    const fake = await fakeClamd(() => 'INSTREAM size limit exceeded. ERROR');
    servers.push(fake);
    await expect(scanStream(fake.url, Readable.from([Buffer.from('x')]))).rejects.toThrow(/size limit exceeded/);
    await expect(scanStream(`tcp://127.0.0.1:${await freePort()}`, Readable.from([Buffer.from('x')]))).rejects.toThrow(ScannerError);
    const { createServer } = await import('node:net');
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    await expect(scanStream(`tcp://127.0.0.1:${port}`, Readable.from([Buffer.from('x')]), 300)).rejects.toThrow(/in time/);
    silent.close();
  });

  it('reads addresses and replies', () => {
    expect(clamdAddress('tcp://clamav.internal:3310')).toEqual({ host: 'clamav.internal', port: 3310 });
    expect(() => clamdAddress('http://x:1')).toThrow(ScannerError);
    expect(parseReply('stream: OK\0')).toEqual({ clean: true });
    expect(parseReply('stream: Win.Test.EICAR_HDB-1 FOUND\0')).toEqual({ clean: false, signature: 'Win.Test.EICAR_HDB-1' });
    expect(() => parseReply('')).toThrow(ScannerError);
  });
});
