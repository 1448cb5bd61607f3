import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from './config';

const SECRET = 'x'.repeat(40);
const production = {
  NODE_ENV: 'production',
  APP_URL: 'https://portal.example.org',
  AUTH_SECRET: SECRET,
  ALLOW_DIRECT_EXPOSURE: '1',
  MAIL_TRANSPORT: 'file',
} as const;

/** The error loadConfig throws for an environment. */
function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env as NodeJS.ProcessEnv);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^Configuration error: /);
    return error as ConfigError;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'pp-config-'));
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('loadConfig', () => {
  it('accepts a complete production configuration', () => {
    const c = loadConfig({
      ...production,
      DATA_DIR: dataDir,
      DATABASE_URL: 'postgres://portal:pw@db:5432/portal',
      SMTP_URL: 'smtps://u:p@mail.example.org',
    });
    expect(c).toMatchObject({ NODE_ENV: 'production', authSecret: SECRET, APP_URL: 'https://portal.example.org', TRUSTED_PROXIES: 0 });
    expect(existsSync(path.join(dataDir, 'auth-secret'))).toBe(false);
  });

  it('refuses production without AUTH_SECRET, in one line naming it', () => {
    const { AUTH_SECRET: _unset, ...env } = production;
    expect(refusal({ ...env, DATA_DIR: dataDir }).message).toContain('AUTH_SECRET');
    // A blank value is no value.
    expect(refusal({ ...env, AUTH_SECRET: '', DATA_DIR: dataDir }).message).toContain('AUTH_SECRET');
    // …and never falls back to a generated one.
    expect(existsSync(path.join(dataDir, 'auth-secret'))).toBe(false);
  });

  it('gives staff sessions a shorter idle limit (12 hours unless set) and refuses a short ENCRYPTION_KEY', () => {
    expect(loadConfig({ ...production, DATA_DIR: dataDir }).STAFF_SESSION_IDLE_HOURS).toBe(12);
    expect(loadConfig({ ...production, DATA_DIR: dataDir, STAFF_SESSION_IDLE_HOURS: '4' }).STAFF_SESSION_IDLE_HOURS).toBe(4);
    expect(refusal({ ...production, STAFF_SESSION_IDLE_HOURS: '0' }).message).toContain('STAFF_SESSION_IDLE_HOURS');
    expect(refusal({ ...production, ENCRYPTION_KEY: 'short' }).message).toContain('ENCRYPTION_KEY');
  });

  it('refuses a short AUTH_SECRET, naming it', () => {
    expect(refusal({ ...production, AUTH_SECRET: 'short' }).message).toContain('AUTH_SECRET');
  });

  it('refuses a short METRICS_TOKEN and a job lease under five seconds, naming them', () => {
    expect(refusal({ ...production, METRICS_TOKEN: 'guessable' }).message).toContain('METRICS_TOKEN');
    expect(refusal({ ...production, JOB_LEASE_SECONDS: '1' }).message).toContain('JOB_LEASE_SECONDS');
    expect(loadConfig({ ...production, METRICS_TOKEN: 'm'.repeat(32) } as NodeJS.ProcessEnv)).toMatchObject({
      METRICS_TOKEN: 'm'.repeat(32),
      JOB_LEASE_SECONDS: 300,
    });
  });

  it('refuses production without APP_URL (links in emails and Secure cookies depend on it)', () => {
    const { APP_URL: _unset, ...env } = production;
    expect(refusal(env).message).toContain('APP_URL');
  });

  it.each(['not a url', 'ftp://portal.example.org', 'javascript:alert(1)', 'portal.example.org'])('names APP_URL when it is %j', (APP_URL) => {
    expect(refusal({ ...production, APP_URL }).message).toContain('APP_URL');
  });

  it.each(['mysql://u:secret-password@db/portal', 'not a url', 'http://db:5432/portal'])(
    'names DATABASE_URL when it is %j, without echoing it',
    (DATABASE_URL) => {
      const message = refusal({ ...production, DATABASE_URL }).message;
      expect(message).toContain('DATABASE_URL');
      expect(message).not.toContain('secret-password');
    },
  );

  it('names other wrong values too', () => {
    expect(refusal({ ...production, SMTP_URL: 'http://mail.example.org' }).message).toContain('SMTP_URL');
    expect(refusal({ ...production, TRUSTED_PROXIES: 'two' }).message).toContain('TRUSTED_PROXIES');
    expect(refusal({ ...production, RATE_LIMIT_SCALE: '-1' }).message).toContain('RATE_LIMIT_SCALE');
  });

  describe('production start refusals', () => {
    it('refuses TRUSTED_PROXIES=0 unless ALLOW_DIRECT_EXPOSURE=1 says so on purpose', () => {
      const { ALLOW_DIRECT_EXPOSURE: _unset, ...env } = production;
      expect(refusal(env).message).toMatch(/TRUSTED_PROXIES.*ALLOW_DIRECT_EXPOSURE=1/);
      expect(refusal({ ...env, ALLOW_DIRECT_EXPOSURE: '0' }).message).toContain('TRUSTED_PROXIES');
      expect(loadConfig({ ...env, TRUSTED_PROXIES: '1' } as NodeJS.ProcessEnv).TRUSTED_PROXIES).toBe(1);
      expect(loadConfig(production as unknown as NodeJS.ProcessEnv).TRUSTED_PROXIES).toBe(0);
    });

    it('refuses an http:// APP_URL, except on the loopback address the tests use', () => {
      expect(refusal({ ...production, APP_URL: 'http://portal.example.org' }).message).toMatch(/APP_URL must start with https:\/\//);
      expect(refusal({ ...production, APP_URL: 'http://10.0.0.5:3000' }).message).toContain('APP_URL');
      for (const APP_URL of ['http://localhost:3300', 'http://127.0.0.1:3340', 'http://[::1]:3000']) {
        expect(loadConfig({ ...production, APP_URL } as NodeJS.ProcessEnv).APP_URL).toBe(APP_URL);
      }
    });

    it('refuses to run without SMTP_URL unless MAIL_TRANSPORT=file is set on purpose', () => {
      const { MAIL_TRANSPORT: _unset, ...env } = production;
      expect(refusal(env).message).toMatch(/SMTP_URL.*MAIL_TRANSPORT=file/);
      expect(refusal({ ...env, MAIL_TRANSPORT: 'smtp' }).message).toContain('SMTP_URL');
      expect(loadConfig({ ...env, SMTP_URL: 'smtp://mail.example.org' } as NodeJS.ProcessEnv).SMTP_URL).toBe('smtp://mail.example.org');
    });

    it('leaves development alone', () => {
      expect(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, AUTH_SECRET: SECRET })).toMatchObject({ TRUSTED_PROXIES: 0 });
    });
  });

  it('in development, generates a secret in DATA_DIR once and reuses it', () => {
    const nested = path.join(dataDir, 'nested', '.data');
    const first = loadConfig({ NODE_ENV: 'development', DATA_DIR: nested });
    const file = path.join(nested, 'auth-secret');
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.authSecret);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
    expect(console.info).toHaveBeenCalledTimes(1);

    const second = loadConfig({ NODE_ENV: 'development', DATA_DIR: nested });
    expect(second.authSecret).toBe(first.authSecret);
    expect(console.info).toHaveBeenCalledTimes(1);

    // A configured secret wins.
    expect(loadConfig({ NODE_ENV: 'development', DATA_DIR: nested, AUTH_SECRET: SECRET }).authSecret).toBe(SECRET);
  });

  it('places the embedded database and the outbox under DATA_DIR unless told otherwise', () => {
    const c = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, AUTH_SECRET: SECRET });
    expect(c.pgliteDir).toBe(path.join(dataDir, 'pglite'));
    expect(c.outboxDir).toBe(path.join(dataDir, 'outbox'));
    expect(c.APP_URL).toBe('http://localhost:3000');
    const d = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, AUTH_SECRET: SECRET, PGLITE_DIR: '/tmp/db', OUTBOX_DIR: '/tmp/mail' });
    expect(d).toMatchObject({ pgliteDir: '/tmp/db', outboxDir: '/tmp/mail' });
  });
});
