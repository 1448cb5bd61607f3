import { describe, expect, it } from 'vitest';
import { cursorTimestamp, decodeCursor, encodeCursor, nameIdKey, timeIdKey } from './pagination';

const id = '3f1c2b9e-8d4a-4c1e-9b7a-2f6d5e4c3b2a';

describe('keyset cursors', () => {
  it('round-trip a direction and a key as an opaque URL-safe string', () => {
    const cursor = encodeCursor('after', ['Zoë & co / ?', id]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, nameIdKey)).toEqual({ direction: 'after', key: ['Zoë & co / ?', id] });
    expect(decodeCursor(encodeCursor('before', ['2030-01-01T00:00:00.123456Z', id]), timeIdKey)).toEqual({
      direction: 'before',
      key: ['2030-01-01T00:00:00.123456Z', id],
    });
  });

  it('mean "no cursor" when missing, malformed, oversized or of the wrong shape', () => {
    const bad = [
      undefined,
      '',
      'not base64!',
      Buffer.from('not json').toString('base64url'),
      Buffer.from('null').toString('base64url'),
      encodeCursor('after', ['name', 'not-a-uuid']),
      encodeCursor('after', ['name']),
      encodeCursor('sideways' as 'after', ['name', id]),
      encodeCursor('after', ['x'.repeat(300), id]),
      encodeCursor('after', [1, id]),
    ];
    for (const raw of bad) expect(decodeCursor(raw, nameIdKey)).toBeNull();
    expect(decodeCursor(encodeCursor('after', ['2030-02-30T00:00:00.000000Z', id]), timeIdKey)).toBeNull();
    expect(decodeCursor(encodeCursor('after', ['2030-01-01 00:00:00', id]), timeIdKey)).toBeNull();
  });

  it('accept only real timestamps with microseconds', () => {
    expect(cursorTimestamp.safeParse('2028-02-29T23:59:59.999999Z').success).toBe(true);
    expect(cursorTimestamp.safeParse('2027-02-29T00:00:00.000000Z').success).toBe(false);
    expect(cursorTimestamp.safeParse('2027-13-01T00:00:00.000000Z').success).toBe(false);
  });
});
