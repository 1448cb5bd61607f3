import { encode } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeSessionCookie } from './cookie';

const decoded = vi.hoisted(() => ({ calls: 0 }));
vi.mock('next-auth/jwt', async (original) => {
  const jwt = await original<typeof import('next-auth/jwt')>();
  return {
    ...jwt,
    decode: (params: Parameters<typeof jwt.decode>[0]) => {
      decoded.calls++;
      return jwt.decode(params);
    },
  };
});

const secret = 'cookie-test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const salt = 'pp.session';

describe('decodeSessionCookie', () => {
  afterEach(() => vi.useRealTimers());

  it('decrypts a cookie once, then answers a repeat of it from memory', async () => {
    const token = await encode({ token: { sid: 'session-a' }, secret, salt, maxAge: 3600 });
    const before = decoded.calls;
    expect((await decodeSessionCookie({ token, secret, salt }))?.sid).toBe('session-a');
    expect((await decodeSessionCookie({ token, secret, salt }))?.sid).toBe('session-a');
    expect(decoded.calls - before).toBe(1);
  });

  it('gives each caller its own copy of the payload', async () => {
    const token = await encode({ token: { sid: 'session-b' }, secret, salt, maxAge: 3600 });
    const first = await decodeSessionCookie({ token, secret, salt });
    first!.sid = 'changed';
    expect((await decodeSessionCookie({ token, secret, salt }))?.sid).toBe('session-b');
  });

  it('keeps nothing that did not decrypt: a forged or altered cookie is tried, and refused, every time', async () => {
    const token = await encode({ token: { sid: 'session-c' }, secret, salt, maxAge: 3600 });
    const altered = `${token.slice(0, -4)}AAAA`;
    const before = decoded.calls;
    await expect(decodeSessionCookie({ token: altered, secret, salt })).rejects.toThrow();
    await expect(decodeSessionCookie({ token: altered, secret, salt })).rejects.toThrow();
    await expect(decodeSessionCookie({ token, secret: `${secret}-other`, salt })).rejects.toThrow();
    expect(decoded.calls - before).toBe(3);
  });

  it('answers from memory only for the secret it was decrypted with', async () => {
    const token = await encode({ token: { sid: 'session-e' }, secret, salt, maxAge: 3600 });
    expect((await decodeSessionCookie({ token, secret, salt }))?.sid).toBe('session-e');
    await expect(decodeSessionCookie({ token, secret: `${secret}-rotated`, salt })).rejects.toThrow();
  });

  it('forgets a cookie when it expires, and a cookie under another name is another entry', async () => {
    const token = await encode({ token: { sid: 'session-d' }, secret, salt, maxAge: 60 });
    expect((await decodeSessionCookie({ token, secret, salt }))?.sid).toBe('session-d');
    await expect(decodeSessionCookie({ token, secret, salt: 'other-name' })).rejects.toThrow();
    vi.useFakeTimers({ now: Date.now() + 120_000, toFake: ['Date'] });
    // Past its expiry (and Auth.js's 15 s of clock tolerance) the cookie is decrypted again, and refused.
    await expect(decodeSessionCookie({ token, secret, salt })).rejects.toThrow();
  });
});
