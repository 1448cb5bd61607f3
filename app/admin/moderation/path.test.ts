import { describe, expect, it } from 'vitest';
import { isModerationPath } from './path';

describe('isModerationPath', () => {
  it('matches the moderation page only', () => {
    expect(isModerationPath('/admin/moderation')).toBe(true);
    expect(isModerationPath('/admin/moderation?cursor=abc')).toBe(true);
    for (const p of [
      null,
      '',
      '/admin',
      '/admin/users',
      '/admin/moderation-x',
      '/admin/users?next=/admin/moderation',
      '/admin/moderation/../users',
    ]) {
      expect(isModerationPath(p)).toBe(false);
    }
  });
});
