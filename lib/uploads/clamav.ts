import 'server-only';
import { connect } from 'node:net';

/**
 * A client for clamd's INSTREAM command over TCP (decision 024). The protocol is small enough to speak
 * directly: `zINSTREAM\0`, then chunks each preceded by its length as a 4-byte big-endian number, then a
 * zero length; clamd answers one NUL-terminated line: `stream: OK`, `stream: <signature> FOUND`, or an
 * error (`INSTREAM size limit exceeded. ERROR`: clamd's StreamMaxLength must be at least MAX_UPLOAD_MB).
 * No npm client fitted: `clamscan` wraps binaries and sockets in a large API with its own temp files, and
 * `clamdjs` is unmaintained.
 */
export type ScanResult = { clean: true } | { clean: false; signature: string };

export class ScannerError extends Error {}

const CHUNK = 64 * 1024;

/** Parses `tcp://host:port` (CLAMAV_URL). */
export function clamdAddress(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  if (parsed.protocol !== 'tcp:' || !parsed.port) throw new ScannerError('CLAMAV_URL must be tcp://host:port');
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: Number(parsed.port) };
}

/** Reads clamd's one answer line. */
export function parseReply(reply: string): ScanResult {
  const line = reply.replace(/\0/g, '').trim();
  if (/^stream: OK$/.test(line)) return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(line);
  if (found) return { clean: false, signature: found[1]!.slice(0, 200) };
  throw new ScannerError(`clamd answered: ${line.slice(0, 200) || '(nothing)'}`);
}

/** Streams the bytes to clamd and returns its verdict; ScannerError when it cannot give one. */
export async function scanStream(url: string, source: AsyncIterable<Buffer | Uint8Array>, timeoutMs = 120_000): Promise<ScanResult> {
  const { host, port } = clamdAddress(url);
  const socket = connect({ host, port });
  socket.setTimeout(timeoutMs);
  let reply = '';
  const answered = new Promise<string>((resolve, reject) => {
    socket.on('data', (data: Buffer) => {
      reply += data.toString('utf8');
      if (reply.includes('\0')) resolve(reply);
    });
    socket.on('end', () => resolve(reply));
    socket.on('timeout', () => reject(new ScannerError('clamd did not answer in time')));
    socket.on('error', (error) => (reply ? resolve(reply) : reject(new ScannerError(`clamd unreachable: ${error.message}`))));
  });
  // A refusal mid-stream (size limit) closes the socket: the answer still tells why.
  answered.catch(() => undefined);
  const write = (bytes: Buffer) =>
    new Promise<void>((resolve, reject) => {
      if (socket.destroyed || socket.writableEnded) return reject(new ScannerError('clamd closed the connection'));
      socket.write(bytes, (error) => (error ? reject(new ScannerError(error.message)) : resolve()));
    });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', (error) => reject(new ScannerError(`clamd unreachable: ${error.message}`)));
    });
    await write(Buffer.from('zINSTREAM\0'));
    for await (const chunk of source) {
      for (let at = 0; at < chunk.length; at += CHUNK) {
        const part = Buffer.from(chunk.subarray(at, at + CHUNK));
        const size = Buffer.alloc(4);
        size.writeUInt32BE(part.length);
        await write(Buffer.concat([size, part]));
      }
    }
    await write(Buffer.alloc(4));
  } catch (error) {
    if (!reply) {
      socket.destroy();
      throw error;
    }
  }
  try {
    return parseReply(await answered);
  } finally {
    socket.destroy();
  }
}
