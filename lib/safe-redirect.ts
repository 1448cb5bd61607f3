/** A same-origin path to go to after sign-in; anything else (other sites, protocol-relative, odd) gives the fallback. */
export function safeNextPath(next: unknown, fallback = '/home'): string {
  if (typeof next !== 'string' || next.length > 500) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\\]/.test(next)) return fallback;
  try {
    const url = new URL(next, 'http://portal.invalid');
    if (url.origin !== 'http://portal.invalid') return fallback;
    // Dot segments can leave a protocol-relative result: "/.//evil.example" becomes "//evil.example".
    if (url.pathname.startsWith('//')) return fallback;
    if (url.pathname === '/sign-in' || url.pathname.startsWith('/api/')) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
