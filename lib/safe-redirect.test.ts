import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-redirect';

describe('safeNextPath', () => {
  it('keeps same-origin paths with their query and fragment', () => {
    expect(safeNextPath('/home?x=1')).toBe('/home?x=1');
    expect(safeNextPath('/directory/people?q=ana&page=2#list')).toBe('/directory/people?q=ana&page=2#list');
    expect(safeNextPath('/admin/users')).toBe('/admin/users');
    expect(safeNextPath('/threads/abc/../def')).toBe('/threads/def');
  });

  it.each([
    'https://evil.example',
    'http://evil.example/home',
    '//evil.example',
    '//evil.example/home',
    '///evil.example',
    '/\\evil.example',
    '/.//evil.example',
    '/a/..//evil.example',
    '\\\\evil.example',
    '/home\\..\\..\\evil',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/\t/evil.example',
    '/\n/evil.example',
    '/home\r\nSet-Cookie: x=1',
    '/\u0000home',
    'home',
    '',
    '/sign-in',
    '/sign-in?next=https://evil.example',
    '/api/auth/signout',
  ])('refuses %j', (next) => {
    expect(safeNextPath(next)).toBe('/home');
  });

  it('refuses what is not a string, and very long values', () => {
    for (const next of [undefined, null, 42, ['/home'], { href: '/home' }]) expect(safeNextPath(next)).toBe('/home');
    expect(safeNextPath(`/${'a'.repeat(600)}`)).toBe('/home');
  });

  it('uses the given fallback', () => {
    expect(safeNextPath('//evil.example', '/admin')).toBe('/admin');
  });

  it('never produces something a browser would read as another origin', () => {
    const tricky = ['/%2F%2Fevil.example', '/%5Cevil.example', '/.//evil.example', '/..//evil.example', '/%09/evil.example'];
    for (const next of tricky) {
      const out = safeNextPath(next);
      expect(out.startsWith('/')).toBe(true);
      expect(out.startsWith('//')).toBe(false);
      expect(out.startsWith('/\\')).toBe(false);
      expect(new URL(out, 'https://portal.test').origin).toBe('https://portal.test');
    }
  });
});
