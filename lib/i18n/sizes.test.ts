import { createFormatter } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { formatBytes } from './sizes';

describe('formatBytes', () => {
  it('spells out whole bytes with the right plural and abbreviates larger units, in the reader’s language', () => {
    const en = createFormatter({ locale: 'en' });
    expect(formatBytes(en, 0)).toBe('0 bytes');
    expect(formatBytes(en, 1)).toBe('1 byte');
    expect(formatBytes(en, 12.3 * 1024 * 1024)).toBe('12.3 MB');
    expect(formatBytes(en, 2048 * 1024 * 1024)).toBe('2 GB');
    expect(formatBytes(createFormatter({ locale: 'fr' }), 1536)).toMatch(/^1,5\s?ko$/u);
  });
});
