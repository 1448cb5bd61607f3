import { eq, inArray, isNull, sql } from 'drizzle-orm';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { outbox } from '@/db/schema';
import { appLink, deliverSoon, processOutbox, queueEmail } from './index';
import { renderEmail, type EmailTemplate } from './templates';
import { fileTransport, smtpTransport, type OutgoingEmail, type Transport } from './transport';

const FROM = 'Protectors’ Portal <no-reply@portal.test>';

/** A transport that keeps what it is given. */
function recorder(delayMs = 0): Transport & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    sent,
    async send(email) {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      sent.push(email);
    },
  };
}

const failing: Transport = {
  async send() {
    throw new Error('connect ECONNREFUSED 127.0.0.1:25');
  },
};

let n = 0;
async function queue(count: number, template: EmailTemplate = 'resetPassword'): Promise<string[]> {
  const to: string[] = [];
  for (let i = 0; i < count; i++) {
    const address = `recipient-${++n}@example.org`;
    await queueEmail({ to: address, template, locale: 'en', link: appLink('/reset-password', { token: `tok${n}` }) });
    to.push(address);
  }
  return to;
}
const rowsTo = (to: string[]) => getDb().select().from(outbox).where(inArray(outbox.to, to)).orderBy(outbox.id);

// Each test starts with an empty queue, so one test's leftovers never reach another's transport.
beforeEach(async () => {
  await getDb().delete(outbox);
});

describe('processOutbox', () => {
  it('delivers queued emails through the transport and marks them sent', async () => {
    const to = await queue(3);
    const transport = recorder();
    expect(await processOutbox(transport)).toEqual({ sent: 3, failed: 0 });
    expect(transport.sent.map((e) => e.to).sort()).toEqual([...to].sort());
    const rows = await rowsTo(to);
    for (const row of rows) {
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(row).toMatchObject({ attempts: 1, lockedUntil: null, lastError: null });
      const sent = transport.sent.find((e) => e.id === row.id)!;
      expect(sent).toEqual({ id: row.id, to: row.to, subject: row.subject, text: row.text, html: row.html });
    }
    // Nothing is sent twice.
    expect(await processOutbox(transport)).toEqual({ sent: 0, failed: 0 });
    expect(transport.sent).toHaveLength(3);
  });

  it('keeps failed emails for a later try, and a later run sends them: nothing is lost', async () => {
    const to = await queue(2);
    expect(await processOutbox(failing)).toEqual({ sent: 0, failed: 2 });
    let rows = await rowsTo(to);
    const now = Date.now();
    for (const row of rows) {
      expect(row.sentAt).toBeNull();
      expect(row.attempts).toBe(1);
      expect(row.lockedUntil).toBeNull();
      expect(row.lastError).toContain('ECONNREFUSED');
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(now);
    }

    // Not due yet: a working transport does not get them before their time…
    const transport = recorder();
    expect(await processOutbox(transport)).toEqual({ sent: 0, failed: 0 });

    // …and fails again later with a longer wait.
    await getDb().update(outbox).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(inArray(outbox.to, to));
    expect(await processOutbox(failing)).toEqual({ sent: 0, failed: 2 });
    rows = await rowsTo(to);
    for (const row of rows) {
      expect(row.attempts).toBe(2);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    }

    // Once due and the server is back, they go out.
    await getDb().update(outbox).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(inArray(outbox.to, to));
    expect(await processOutbox(transport)).toEqual({ sent: 2, failed: 0 });
    expect(transport.sent.map((e) => e.to).sort()).toEqual([...to].sort());
    rows = await rowsTo(to);
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 3 && r.lastError === null)).toBe(true);
  });

  it('leaves alone an email another run is delivering (its lease has not run out)', async () => {
    const [to] = await queue(1);
    await getDb().update(outbox).set({ lockedUntil: sql`now() + interval '1 minute'` }).where(eq(outbox.to, to!));
    const transport = recorder();
    expect(await processOutbox(transport)).toEqual({ sent: 0, failed: 0 });
    // A lease that ran out (its run died) is taken over.
    await getDb().update(outbox).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(outbox.to, to!));
    expect(await processOutbox(transport)).toEqual({ sent: 1, failed: 0 });
  });

  it('never sends the same message twice when several runs go at once', async () => {
    const to = await queue(40);
    const transport = recorder(5);
    const runs = await Promise.all(Array.from({ length: 4 }, () => processOutbox(transport, 15)));
    // Whatever the runs did not reach is sent by the next one.
    const last = await processOutbox(transport, 100);
    expect(runs.reduce((s, r) => s + r.sent, 0) + last.sent).toBe(40);
    const ids = transport.sent.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(40);
    expect(await getDb().select().from(outbox).where(isNull(outbox.sentAt))).toHaveLength(0);
    expect((await rowsTo(to)).every((r) => r.attempts === 1)).toBe(true);
  });

  it('leaves delivery to the test under Vitest (no background run writing into the developer\'s outbox)', async () => {
    const [to] = await queue(1);
    deliverSoon();
    await new Promise((r) => setTimeout(r, 50));
    expect((await rowsTo([to!]))[0]).toMatchObject({ sentAt: null, attempts: 0 });
  });

  it('gives up after repeated failures instead of trying forever', async () => {
    const [to] = await queue(1);
    await getDb().update(outbox).set({ attempts: 12 }).where(eq(outbox.to, to!));
    expect(await processOutbox(recorder())).toEqual({ sent: 0, failed: 0 });
  });
});

/** Just enough MIME for a message nodemailer wrote: unfolded headers, parts, transfer encodings, encoded words. */
function parseMime(raw: string): { headers: Record<string, string>; parts: { type: string; body: string }[] } {
  const split = (block: string) => {
    const at = block.indexOf('\r\n\r\n');
    const head = block.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
    const headers: Record<string, string> = {};
    for (const line of head.split('\r\n')) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
    }
    return { headers, body: block.slice(at + 4) };
  };
  const decodeBody = (body: string, encoding = '7bit') => {
    if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/quoted-printable/i.test(encoding)) return decodeQp(body);
    return body;
  };
  const top = split(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(top.headers['content-type'] ?? '')?.[1];
  const blocks = boundary ? top.body.split(`--${boundary}`).slice(1, -1) : [raw];
  const parts = blocks.map((block) => {
    const part = split(block.replace(/^\r\n/, ''));
    return {
      type: (part.headers['content-type'] ?? '').split(';')[0]!,
      body: decodeBody(part.body.replace(/\r\n$/, ''), part.headers['content-transfer-encoding']).replace(/\r\n/g, '\n'),
    };
  });
  return { headers: top.headers, parts };
}
function decodeQp(s: string): string {
  const bytes = s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => `%${h}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
}
function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQp(text.replace(/_/g, ' ')),
    );
}

describe('SMTP transport', () => {
  let server: SMTPServer;
  let port: number;
  const received: { from: string; to: string[]; raw: string }[] = [];

  beforeEach(async () => {
    received.length = 0;
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    port = (server.server.address() as AddressInfo).port;
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers through a real SMTP server with the right recipient, subject and link, and nothing else', async () => {
    await queueEmail({ to: 'applicant@example.org', template: 'verifyEmail', locale: 'en', link: appLink('/verify-email', { token: 'abc123XYZ_-' }) });
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, FROM);
    expect(await processOutbox(transport)).toEqual({ sent: 1, failed: 0 });

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.to).toEqual(['applicant@example.org']);
    expect(mail!.from).toBe('no-reply@portal.test');
    const { headers, parts } = parseMime(mail!.raw);
    const expected = renderEmail('verifyEmail', 'en', 'http://portal.test/verify-email?token=abc123XYZ_-');
    expect(headers.subject).toBe(expected.subject);
    expect(headers.to).toBe('applicant@example.org');
    expect(headers.from).toContain('no-reply@portal.test');

    const text = parts.find((p) => p.type === 'text/plain')!.body;
    const html = parts.find((p) => p.type === 'text/html')!.body;
    expect(text).toContain('http://portal.test/verify-email?token=abc123XYZ_-');
    expect(html).toContain('href="http://portal.test/verify-email?token=abc123XYZ_-"');
    // The body is the template and its link, nothing more.
    expect(text.trimEnd()).toBe(expected.text.trimEnd());
    expect(html.trimEnd()).toBe(expected.html.trimEnd());
    expect(parts.map((p) => p.type).sort()).toEqual(['text/html', 'text/plain']);
    expect((await getDb().select().from(outbox))[0]!.sentAt).toBeInstanceOf(Date);
  });

  it('keeps the email queued while the SMTP server is down, and sends it once it is back', async () => {
    await queueEmail({ to: 'later@example.org', template: 'resetPassword', locale: 'en', link: appLink('/reset-password', { token: 't0k3n' }) });
    const downPort = port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await processOutbox(smtpTransport(`smtp://127.0.0.1:${downPort}`, FROM))).toEqual({ sent: 0, failed: 1 });
    const [row] = await getDb().select().from(outbox);
    expect(row!.sentAt).toBeNull();
    expect(row!.lastError).toBeTruthy();

    // Back up (on a new port: the test reuses the server made in beforeEach).
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          received.push({ from: '', to: session.envelope.rcptTo.map((r) => r.address), raw: '' });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const upPort = (server.server.address() as AddressInfo).port;
    await getDb().update(outbox).set({ nextAttemptAt: sql`now() - interval '1 second'` });
    expect(await processOutbox(smtpTransport(`smtp://127.0.0.1:${upPort}`, FROM))).toEqual({ sent: 1, failed: 0 });
    expect(received.map((r) => r.to)).toEqual([['later@example.org']]);
  });
});

describe('file transport', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pp-outbox-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one JSON file per email', async () => {
    const nested = path.join(dir, 'outbox');
    await queue(2, 'verifyEmail');
    expect(await processOutbox(fileTransport(nested))).toEqual({ sent: 2, failed: 0 });
    const files = (await readdir(nested)).sort();
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file).toMatch(/^[\dT-]+Z-\d+\.json$/);
      const saved = JSON.parse(await readFile(path.join(nested, file), 'utf8'));
      expect(Object.keys(saved).sort()).toEqual(['html', 'id', 'sentAt', 'subject', 'text', 'to']);
      expect(saved.subject).toBe(renderEmail('verifyEmail', 'en', '').subject);
      expect(saved.text).toContain('http://portal.test/reset-password?token=');
      expect(Number.isNaN(Date.parse(saved.sentAt))).toBe(false);
    }
  });
});
