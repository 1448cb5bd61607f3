import { describe, expect, it } from 'vitest';
import { acceptTotp, demoTotpSecret, newTotpSecret, stepAt, totpCode, totpUri, TOTP_PERIOD } from './totp';

const now = Date.UTC(2026, 10, 30, 12, 0, 15);

describe('TOTP', () => {
  const secret = newTotpSecret();

  it('makes 160-bit secrets and an otpauth address naming the portal and the account', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = totpUri(secret, 'admin@secretariat.example');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(decodeURIComponent(uri)).toContain('admin@secretariat.example');
  });

  it('accepts the current code and one step either side, answering its step', () => {
    const step = stepAt(now);
    expect(acceptTotp(secret, totpCode(secret, now), null, now)).toBe(step);
    expect(acceptTotp(secret, totpCode(secret, now - TOTP_PERIOD * 1000), null, now)).toBe(step - 1);
    expect(acceptTotp(secret, totpCode(secret, now + TOTP_PERIOD * 1000), null, now)).toBe(step + 1);
    // Spaces people type are ignored.
    const code = totpCode(secret, now);
    expect(acceptTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, null, now)).toBe(step);
  });

  it('refuses codes two steps away, of another secret, or malformed', () => {
    expect(acceptTotp(secret, totpCode(secret, now - 2 * TOTP_PERIOD * 1000), null, now)).toBeNull();
    expect(acceptTotp(secret, totpCode(secret, now + 2 * TOTP_PERIOD * 1000), null, now)).toBeNull();
    expect(acceptTotp(secret, totpCode(newTotpSecret(), now), null, now)).toBeNull();
    expect(acceptTotp(secret, 'abcdef', null, now)).toBeNull();
    expect(acceptTotp(secret, '12345', null, now)).toBeNull();
  });

  it('accepts a code once: its step and earlier ones are refused afterwards', () => {
    const code = totpCode(secret, now);
    const step = acceptTotp(secret, code, null, now)!;
    expect(acceptTotp(secret, code, step, now)).toBeNull();
    expect(acceptTotp(secret, totpCode(secret, now - TOTP_PERIOD * 1000), step, now)).toBeNull();
    expect(acceptTotp(secret, totpCode(secret, now + TOTP_PERIOD * 1000), step, now)).toBe(step + 1);
  });

  it('gives each demo account its own fixed secret', () => {
    expect(demoTotpSecret('admin@secretariat.example')).toBe(demoTotpSecret('ADMIN@secretariat.example'));
    expect(demoTotpSecret('admin@secretariat.example')).not.toBe(demoTotpSecret('moderator@secretariat.example'));
    expect(demoTotpSecret('admin@secretariat.example')).toMatch(/^[A-Z2-7]{32}$/);
  });
});
