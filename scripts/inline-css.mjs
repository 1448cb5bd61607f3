/**
 * A first visit paints without waiting for the stylesheet (decision 025, ninth pass).
 *
 * A stylesheet link in <head> blocks the first paint until the stylesheet has come. On a slow mobile
 * connection (DevTools' "Slow 3G": 2 s a round trip, 50 KB/s shared by every request) that is a second
 * round trip after the page's own, while the fonts and the scripts compete for the same bandwidth:
 * the first member page painted after ~5.3 s. So a browser that has not had the stylesheet yet (no
 * `pp-css` cookie naming this build) gets it inlined: each `<link rel="stylesheet">` of the page's
 * <head> becomes a `<style>` with the same rules, followed by the same link with `media="print"`, which
 * the browser still downloads (into its cache, for the next page) without waiting for it to paint.
 * React finds that link when it hydrates, as it would the original, so nothing on the client changes;
 * the flight data still names the stylesheet by address only (inlining it there, as Next.js's
 * `experimental.inlineCss` does, sends it twice on every page). The response sets the cookie, so the
 * next pages link the stylesheet as usual and come from the browser's cache.
 *
 * Only what `next build` wrote is inlined (read once, at start), only into HTML answering a document
 * request (GET, not a router request for flight data), and only up to the end of <head>; the rest of
 * the response streams through untouched. Must run above the compression (it reads the HTML as the
 * renderer wrote it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CSS_COOKIE = 'pp-css';
/** Past this many bytes without `</head>`, the response is left as it is. */
const HEAD_LIMIT = 256 * 1024;
const LINK = /<link rel="stylesheet" href="([^"]+)"([^>]*)\/?>/g;

/** The build's stylesheets by address, and the build's id. */
export function loadStylesheets(distDir) {
  const buildId = readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8').trim();
  const sheets = new Map();
  const chunks = path.join(distDir, 'static', 'chunks');
  for (const name of readdirSync(chunks)) {
    if (!name.endsWith('.css')) continue;
    const css = readFileSync(path.join(chunks, name), 'utf8');
    const href = `/_next/static/chunks/${name}`;
    // A stylesheet that could end the <style> element early is left linked.
    if (!/<\/style/i.test(css)) sheets.set(href, absoluteUrls(css, href));
  }
  return { buildId, sheets };
}

/** Relative `url()`s (the fonts: `../media/…`) resolved against the stylesheet's address, as the page's is another. */
export function absoluteUrls(css, href) {
  return css.replace(/url\((['"]?)([^'")]+)\1\)/g, (whole, quote, ref) => {
    if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(ref)) return whole;
    const url = new URL(ref, `http://host${href}`);
    return `url(${quote}${url.pathname}${url.search}${url.hash}${quote})`;
  });
}

/** The <head> with its known stylesheets inlined; `null` when there was none to inline. */
export function inlineStylesheets(head, sheets) {
  let changed = false;
  const out = head.replace(LINK, (tag, href, rest) => {
    const css = sheets.get(href.split('?')[0]);
    if (css === undefined) return tag;
    changed = true;
    const nonce = /\snonce="([^"]*)"/.exec(rest)?.[1];
    const attrs = rest.replace(/\s*\/$/, '');
    return `<style${nonce ? ` nonce="${nonce}"` : ''}>${css}</style><link rel="stylesheet" href="${href}"${attrs} media="print"/>`;
  });
  return changed ? out : null;
}

function cookieOf(header, name) {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Whether this request is a browser's document request from a browser without this build's stylesheet. */
export function wantsInlineCss(req, buildId) {
  if (req.method !== 'GET' || !(req.headers.accept ?? '').includes('text/html')) return false;
  if (req.headers.rsc || req.headers['next-router-prefetch'] || req.headers['next-action']) return false;
  const url = req.url ?? '/';
  if (url.startsWith('/_next/') || url.startsWith('/api/')) return false;
  return cookieOf(req.headers.cookie, CSS_COOKIE) !== buildId;
}

/**
 * Makes `res` inline the stylesheets into the <head> of the HTML it is about to send, and set the
 * cookie that says this browser now has them. Call before anything is written.
 */
export function inlineCssInto(res, { buildId, sheets }, { secure }) {
  const { writeHead, write, end } = res;
  let html; // decided once, when the headers are about to go
  let holding = true;
  let held = [];

  const decide = () => {
    if (html !== undefined) return;
    html = String(res.getHeader('content-type') ?? '').startsWith('text/html');
    if (!html) return;
    res.removeHeader('content-length');
    res.appendHeader('set-cookie', `${CSS_COOKIE}=${buildId}; Path=/; Max-Age=2592000; SameSite=Lax; HttpOnly${secure ? '; Secure' : ''}`);
  };
  const hold = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
  };
  /** What was held back, with the stylesheets inlined, once the end of <head> is in it (or never will be). */
  const release = (final) => {
    const bytes = Buffer.concat(held);
    // Found and cut as bytes: a letter split between two writes must not be decoded in halves.
    const at = bytes.indexOf('</head>');
    if (at < 0 && !final && bytes.length <= HEAD_LIMIT) return null;
    holding = false;
    held = [];
    const inlined = at < 0 ? null : inlineStylesheets(bytes.subarray(0, at).toString('utf8'), sheets);
    return inlined === null ? bytes : Buffer.concat([Buffer.from(inlined, 'utf8'), bytes.subarray(at)]);
  };
  const callbackOf = (...args) => args.find((a) => typeof a === 'function');

  res.writeHead = function (statusCode, ...rest) {
    // Headers given to writeHead count as much as those set before it.
    const headers = rest.find((a) => a && typeof a === 'object' && !Array.isArray(a));
    if (headers) for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    decide();
    return writeHead.call(this, statusCode, typeof rest[0] === 'string' ? rest[0] : undefined);
  };
  res.write = function (chunk, encoding, callback) {
    decide();
    if (!html || !holding) return write.call(this, chunk, encoding, callback);
    hold(chunk, encoding);
    const out = release(false);
    if (out === null) {
      const cb = callbackOf(encoding, callback);
      if (cb) process.nextTick(cb);
      return true;
    }
    return write.call(this, out, callbackOf(encoding, callback));
  };
  res.end = function (chunk, encoding, callback) {
    decide();
    if (!html || !holding) return end.call(this, chunk, encoding, callback);
    hold(chunk, encoding);
    const out = release(true);
    return end.call(this, out.length ? out : undefined, callbackOf(chunk, encoding, callback));
  };
}
