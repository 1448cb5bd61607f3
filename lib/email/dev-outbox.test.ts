import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderEmail } from './templates';
import { linksIn, listDevOutbox } from './dev-outbox';
import { fileTransport } from './transport';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pp-dev-outbox-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('listDevOutbox', () => {
  it('is empty when the folder does not exist yet', async () => {
    expect(await listDevOutbox(path.join(dir, 'missing'))).toEqual([]);
  });

  it('lists what the file transport wrote, newest first, with the links of each', async () => {
    const transport = fileTransport(dir);
    const verify = renderEmail('verifyEmail', 'en', 'http://portal.test/verify-email?token=abc_-123');
    const reset = renderEmail('resetPassword', 'en', 'http://portal.test/reset-password?token=def');
    await transport.send({ id: 1, to: 'first@example.org', ...verify });
    await new Promise((r) => setTimeout(r, 5));
    await transport.send({ id: 2, to: 'second@example.org', ...reset });

    const emails = await listDevOutbox(dir);
    expect(emails.map((e) => e.to)).toEqual(['second@example.org', 'first@example.org']);
    expect(emails[1]).toMatchObject({ subject: verify.subject, links: ['http://portal.test/verify-email?token=abc_-123'] });
    expect(emails[0]!.links).toEqual(['http://portal.test/reset-password?token=def']);
    expect(emails[0]!.sentAt.getTime()).toBeGreaterThanOrEqual(emails[1]!.sentAt.getTime());
  });

  it('skips files that are not emails, and caps the list', async () => {
    await writeFile(path.join(dir, 'notes.txt'), 'hello');
    await writeFile(path.join(dir, 'broken.json'), '{ not json');
    await writeFile(path.join(dir, 'other.json'), JSON.stringify({ hello: 'world' }));
    const old = path.join(dir, 'no-date.json');
    await writeFile(old, JSON.stringify({ to: 'a@example.org', subject: 'S', text: 'no link here' }));
    await utimes(old, new Date('2020-01-01'), new Date('2020-01-01'));
    for (let i = 0; i < 3; i++) {
      await writeFile(
        path.join(dir, `m${i}.json`),
        JSON.stringify({ to: `m${i}@example.org`, subject: 'S', text: 'x', sentAt: `2030-01-0${i + 1}T00:00:00Z` }),
      );
    }
    const all = await listDevOutbox(dir);
    expect(all.map((e) => e.to)).toEqual(['m2@example.org', 'm1@example.org', 'm0@example.org', 'a@example.org']);
    expect(all.at(-1)).toMatchObject({ links: [], sentAt: new Date('2020-01-01') });
    expect(await listDevOutbox(dir, 2)).toHaveLength(2);
  });
});

describe('linksIn', () => {
  it('finds http(s) links only, once each', () => {
    const text =
      'Go: https://portal.test/a?x=1&y=2.\nAgain https://portal.test/a?x=1&y=2. Not javascript:alert(1) nor ftp://x.\n(http://portal.test/b)';
    expect(linksIn(text)).toEqual(['https://portal.test/a?x=1&y=2', 'http://portal.test/b']);
  });
});
