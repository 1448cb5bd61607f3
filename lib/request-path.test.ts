import { describe, expect, it } from 'vitest';
import { decodablePath } from '@/scripts/request-path.mjs';

describe('a malformed escape in a route parameter gives a 404, not a 500 (scripts/server.mjs)', () => {
  it('leaves a path that decodes as it is, query included', () => {
    for (const target of ['/threads/5f0c', '/spaces/general-discussion?page=2', '/search?q=%zz', '/people/caf%C3%A9', '/']) {
      expect(decodablePath(target)).toBe(target);
    }
  });

  it('turns the % signs of a path that does not decode into text, and keeps the query', () => {
    expect(decodablePath('/threads/%zz')).toBe('/threads/%25zz');
    expect(decodablePath('/spaces/%')).toBe('/spaces/%25');
    expect(decodablePath('/organisations/%E0%A4%A/edit?x=%zz')).toBe('/organisations/%25E0%25A4%25A/edit?x=%zz');
    expect(decodablePath('/people/%C3')).toBe('/people/%25C3');
    for (const target of ['/threads/%zz', '/spaces/%', '/people/%C3%28']) expect(() => decodeURIComponent(decodablePath(target))).not.toThrow();
  });
});
