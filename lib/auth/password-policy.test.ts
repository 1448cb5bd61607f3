import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPassword } from '@/lib/validation/fields';
import { registerSchema } from '@/lib/validation/auth';
import en from '@/messages/en';
import ar from '@/messages/ar';
import { isBreached, passwordProblem, personalWords } from './password-policy';

const ada = { name: 'Ada Lovelace', email: 'ada.lovelace@analytical.example' };

describe('passwordProblem', () => {
  it('refuses the most common passwords, even when long enough', async () => {
    for (const common of ['password12345', 'qwertyuiop123', 'iloveyou1234']) expect(await passwordProblem(common, ada)).toBe('passwordCommon');
  });

  it('refuses passwords that are easy to guess in other ways', async () => {
    for (const weak of ['aaaaaaaaaaaaaaaa', 'abcdefghijklmn', '111111111111'])
      expect(await passwordProblem(weak, ada)).toMatch(/^password(Weak|Common)$/);
    expect(await passwordProblem('aaaaaaaaaaaaaaaa', ada)).toBe('passwordWeak');
  });

  it("refuses passwords built on the person's name or email", async () => {
    for (const personal of ['lovelace-2026-xq', 'Ada.Lovelace.1815!', 'analytical engine 42x']) {
      expect(await passwordProblem(personal, ada)).toBe('passwordPersonal');
    }
    // The same password is fine for someone else.
    expect(await passwordProblem('lovelace-2026-xq', { name: 'Grace Hopper', email: 'grace@navy.example' })).toBeNull();
    expect(personalWords(ada)).toEqual(expect.arrayContaining(['ada', 'lovelace', 'ada.lovelace', 'analytical']));
  });

  it('accepts good passphrases, up to 200 characters (at least 128 allowed)', async () => {
    for (const good of ['correct horse battery staple', 'several unrelated words 2026', 'tamarind-glacier-oboe-41']) {
      expect(await passwordProblem(good, ada)).toBeNull();
    }
    const long = Array.from({ length: 16 }, (_, i) => `word${i}x${(i * 7919) % 97}`).join('-');
    expect(long.length).toBeGreaterThanOrEqual(128);
    expect(newPassword.safeParse(long).success).toBe(true);
    expect(newPassword.safeParse('x'.repeat(128)).success).toBe(true);
    expect(newPassword.safeParse('short pass').success).toBe(false);
    expect(await passwordProblem(long, ada)).toBeNull();
  });

  it('has a sentence for every reason, in every language (shown beside the field)', () => {
    for (const key of ['passwordCommon', 'passwordPersonal', 'passwordWeak', 'passwordBreached'] as const) {
      expect(en.validation[key]).toMatch(/\w{3}/);
      expect(ar.validation[key]).toBeTruthy();
      expect(ar.validation[key]).not.toBe(en.validation[key]);
    }
    expect(registerSchema.shape).toBeDefined();
  });
});

describe('breached-password check (k-anonymity range API, a local stand-in)', () => {
  const breached = 'tamarind-glacier-oboe-41';
  const sha1 = createHash('sha1').update(breached).digest('hex').toUpperCase();
  const asked: string[] = [];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      asked.push(req.url ?? '');
      const prefix = (req.url ?? '').split('/').pop()!;
      if (req.url?.includes('fail')) return void res.writeHead(503).end();
      const lines = ['0000000000000000000000000000000000A:0', '1111111111111111111111111111111111B:12'];
      if (prefix === sha1.slice(0, 5)) lines.push(`${sha1.slice(5)}:3`);
      res.writeHead(200, { 'content-type': 'text/plain' }).end(lines.join('\r\n'));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/range/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('refuses a breached password, sending only the first 5 hex digits of its SHA-1', async () => {
    expect(await passwordProblem(breached, ada, url)).toBe('passwordBreached');
    expect(asked.at(-1)).toBe(`/range/${sha1.slice(0, 5)}`);
    expect(asked.join()).not.toContain(sha1.slice(5));
    expect(await passwordProblem('correct horse battery staple', ada, url)).toBeNull();
  });

  it('is off by default, and lets people through (logged) when the service fails', async () => {
    const before = asked.length;
    expect(await passwordProblem(breached, ada, undefined)).toBeNull();
    expect(asked.length).toBe(before);
    expect(await isBreached(breached, `${url}fail/`)).toBeNull();
    expect(await passwordProblem(breached, ada, `${url}fail/`)).toBeNull();
    expect(await isBreached(breached, 'http://127.0.0.1:9/range/')).toBeNull();
  });
});
