import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The EICAR anti-virus test string, built from parts so that no file in the repository is itself flagged
 * by a scanner.
 */
export function eicar(): Buffer {
  return Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-', 'ANTIVIRUS-TEST-FILE!$H+H*'].join(''));
}

/**
 * A tiny fake clamd speaking INSTREAM over TCP: it reassembles each stream from its length-prefixed
 * chunks and answers `verdict(bytes)` (e.g. `stream: OK`). `streams` holds what it received.
 */
export async function fakeClamd(verdict: (bytes: Buffer) => string) {
  const streams: { command: string; chunks: number[]; bytes: Buffer }[] = [];
  const server = createServer((socket) => {
    let buffer = Buffer.alloc(0);
    let command: string | null = null;
    const chunks: number[] = [];
    const parts: Buffer[] = [];
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      if (command === null) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        command = buffer.subarray(0, end).toString();
        buffer = buffer.subarray(end + 1);
      }
      while (buffer.length >= 4) {
        const size = buffer.readUInt32BE(0);
        if (buffer.length < 4 + size) return;
        if (size === 0) {
          const bytes = Buffer.concat(parts);
          streams.push({ command, chunks, bytes });
          socket.end(`${verdict(bytes)}\0`);
          return;
        }
        chunks.push(size);
        parts.push(buffer.subarray(4, 4 + size));
        buffer = buffer.subarray(4 + size);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `tcp://127.0.0.1:${port}`, streams, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A TCP port nobody listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Whether Debian's clamav-daemon is installed (`clamd` on the PATH or in /usr/sbin). */
export function clamdBinary(): string | null {
  for (const candidate of ['clamd', '/usr/sbin/clamd']) {
    if (spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return null;
}

async function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write('zPING\0'));
    let reply = '';
    socket.on('data', (d: Buffer) => (reply += d.toString()));
    socket.on('close', () => resolve(reply.startsWith('PONG')));
    socket.on('error', () => resolve(false));
  });
}

/**
 * Starts a real clamd on a free port with a temporary signature database holding one signature the test
 * writes (an .ndb body signature for the EICAR string: no signature download is possible or wanted).
 */
export async function startClamd(binary: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pp-clamd-'));
  const port = await freePort();
  await writeFile(path.join(dir, 'portal-test.ndb'), `Portal.Test.EICAR:0:*:${eicar().toString('hex')}\n`);
  const conf = path.join(dir, 'clamd.conf');
  await writeFile(
    conf,
    [`Foreground yes`, `TCPSocket ${port}`, `TCPAddr 127.0.0.1`, `DatabaseDirectory ${dir}`, `LogFile ${path.join(dir, 'clamd.log')}`].join('\n') +
      '\n',
  );
  const child: ChildProcess = spawn(binary, [`--config-file=${conf}`], { stdio: 'ignore' });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) break;
    if (await answersPing(port)) return { url: `tcp://127.0.0.1:${port}`, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error('clamd did not start');
}
