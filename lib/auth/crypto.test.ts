import { describe, expect, it } from 'vitest';
import { decryptSecret, deriveKey, encryptSecret } from './crypto';

describe('secrets at rest', () => {
  const key = deriveKey('k'.repeat(40));

  it('round-trips, with a fresh IV each time (the same secret never encrypts the same way)', () => {
    const a = encryptSecret('JBSWY3DPEHPK3PXP', key);
    const b = encryptSecret('JBSWY3DPEHPK3PXP', key);
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(decryptSecret(a, key)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses another key and a changed value', () => {
    const stored = encryptSecret('secret', key);
    expect(() => decryptSecret(stored, deriveKey('o'.repeat(40)))).toThrow();
    const [v, iv, tag, data] = stored.split('.');
    // Change the second-to-last character (every bit of it is data, unlike a last character's padding bits).
    const changed = data!.at(-2) === 'A' ? 'B' : 'A';
    const flipped = `${v}.${iv}.${tag}.${data!.slice(0, -2)}${changed}${data!.slice(-1)}`;
    expect(() => decryptSecret(flipped, key)).toThrow();
    expect(() => decryptSecret('v2.x.y.z', key)).toThrow();
  });

  it('uses the configured key by default', () => {
    expect(decryptSecret(encryptSecret('default'))).toBe('default');
  });
});
