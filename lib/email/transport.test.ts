import { sql } from 'drizzle-orm';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { outbox } from '@/db/schema';
import { parseMime } from '@/testing/mime';
import { appLink, processOutbox, queueEmail } from './index';
import { renderEmail } from './templates';
import { fileTransport, smtpTransport } from './transport';

const FROM = 'Protectors’ Portal <no-reply@portal.test>';

// Each test starts with an empty queue, so one test's leftovers never reach another's transport.
beforeEach(async () => {
  await getDb().delete(outbox);
});

/** A local SMTP server on a free port that hands each message to `onData`. */
async function listen(onData: SMTPServerOptions['onData']): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.server.address() as AddressInfo).port };
}

describe('SMTP transport', () => {
  let server: SMTPServer;
  let port: number;
  const received: { from: string; to: string[]; raw: string }[] = [];

  beforeEach(async () => {
    received.length = 0;
    ({ server, port } = await listen((stream, session, callback) => {
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
    }));
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers through a real SMTP server with the right recipient, subject and link, and nothing else', async () => {
    await queueEmail({
      to: 'applicant@example.org',
      template: 'verifyEmail',
      locale: 'en',
      link: appLink('/verify-email', { token: 'abc123XYZ_-' }),
    });
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
    let upPort: number;
    ({ server, port: upPort } = await listen((stream, session, callback) => {
      stream.resume();
      stream.on('end', () => {
        received.push({ from: '', to: session.envelope.rcptTo.map((r) => r.address), raw: '' });
        callback();
      });
    }));
    await getDb()
      .update(outbox)
      .set({ nextAttemptAt: sql`now() - interval '1 second'` });
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
    for (const to of ['one@example.org', 'two@example.org']) {
      await queueEmail({ to, template: 'verifyEmail', locale: 'en', link: appLink('/reset-password', { token: 'tok' }) });
    }
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
