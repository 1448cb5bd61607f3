import compression from 'compression';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get as httpGet, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  absoluteUrls,
  CSS_COOKIE,
  inlineCssInto,
  inlineStylesheets,
  loadStylesheets,
  wantsInlineCss,
  type Stylesheets,
} from '@/scripts/inline-css.mjs';

const HREF = '/_next/static/chunks/app.css';
const CSS = '@font-face{font-family:inter;src:url(../media/inter.woff2)}body{color:#111}';
const LINK = `<link rel="stylesheet" href="${HREF}" nonce="abc" data-precedence="next"/>`;
const HEAD = `<!DOCTYPE html><html lang="ar"><head><meta charSet="utf-8"/>${LINK}<script src="/_next/static/chunks/a.js" async=""></script></head>`;
const BODY = `<body><main>مرحبا — ${'x'.repeat(3000)}</main></body></html>`;

describe('the first visit gets the stylesheet inlined (scripts/inline-css.mjs)', () => {
  let dir: string;
  let stylesheets: Stylesheets;
  let server: Server;
  let base: string;
  /** What the page handler writes, and how: set by each test. */
  let respond: (res: ServerResponse) => void;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pp-inline-css-'));
    mkdirSync(path.join(dir, 'static', 'chunks'), { recursive: true });
    writeFileSync(path.join(dir, 'BUILD_ID'), 'build-1\n');
    writeFileSync(path.join(dir, 'static', 'chunks', 'app.css'), CSS);
    writeFileSync(path.join(dir, 'static', 'chunks', 'bad.css'), 'a::after{content:"</style><script>"}');
    writeFileSync(path.join(dir, 'static', 'chunks', 'a.js'), 'void 0');
    stylesheets = loadStylesheets(dir);
    // As scripts/server.mjs does: compression, then the inlining, then the app.
    const compress = compression();
    server = createServer((req: IncomingMessage, res: ServerResponse) =>
      compress(req as never, res as never, () => {
        if (wantsInlineCss(req, stylesheets.buildId)) inlineCssInto(res, stylesheets, { secure: false });
        respond(res);
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  /** The page as Next.js streams it: headers, then the HTML in pieces cut anywhere (here inside `</head>` and inside a letter). */
  const streamed = (pieces: number[]) => (res: ServerResponse) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Set-Cookie', 'session=s1; Path=/; HttpOnly');
    const bytes = Buffer.from(HEAD + BODY);
    let at = 0;
    for (const cut of pieces) {
      res.write(bytes.subarray(at, cut));
      at = cut;
    }
    res.end(bytes.subarray(at));
  };
  const headEnd = Buffer.byteLength(HEAD);
  const insideLetter = Buffer.byteLength(HEAD + '<body><main>م') - 1;

  const get = (headers: Record<string, string> = {}) => fetch(base + '/home', { headers: { accept: 'text/html,application/xhtml+xml', ...headers } });

  it('reads the build: stylesheets by address, their relative addresses made absolute, one that could close <style> left out', () => {
    expect(stylesheets.buildId).toBe('build-1');
    expect([...stylesheets.sheets.keys()]).toEqual([HREF]);
    expect(stylesheets.sheets.get(HREF)).toContain('url(/_next/static/media/inter.woff2)');
    expect(absoluteUrls('a{b:url("../media/x.woff2?v=1#f")}c{d:url(/abs.png)}e{f:url(data:image/png;base64,AA)}', HREF)).toBe(
      'a{b:url("/_next/static/media/x.woff2?v=1#f")}c{d:url(/abs.png)}e{f:url(data:image/png;base64,AA)}',
    );
  });

  it('inlines into a first visit, keeps the link for the cache without waiting for it, and sets the cookie beside the page’s own', async () => {
    respond = streamed([10, headEnd - 3, insideLetter]);
    const res = await get();
    const html = await res.text();
    expect(html).toBe(
      HEAD.replace(
        LINK,
        `<style nonce="abc">${stylesheets.sheets.get(HREF)}</style><link rel="stylesheet" href="${HREF}" nonce="abc" data-precedence="next" media="print"/>`,
      ) + BODY,
    );
    expect(res.headers.getSetCookie()).toEqual([
      'session=s1; Path=/; HttpOnly',
      `${CSS_COOKIE}=build-1; Path=/; Max-Age=2592000; SameSite=Lax; HttpOnly`,
    ]);
  });

  it('compresses what it inlined when the browser accepts gzip', async () => {
    respond = streamed([headEnd - 3]);
    // node:http, which leaves the body as it came (fetch would decompress it).
    const { headers, body } = await new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) =>
      httpGet(base + '/home', { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject),
    );
    expect(headers['content-encoding']).toBe('gzip');
    const html = gunzipSync(body).toString('utf8');
    expect(html).toContain(`<style nonce="abc">`);
    expect(html.endsWith(BODY)).toBe(true);
  });

  it('leaves the page alone for a browser with this build’s stylesheet, a router request, a non-document and a non-HTML answer', async () => {
    respond = streamed([headEnd - 3]);
    expect(await (await get({ cookie: `a=b; ${CSS_COOKIE}=build-1` })).text()).toBe(HEAD + BODY);
    expect(await (await get({ rsc: '1' })).text()).toBe(HEAD + BODY);
    expect(await (await fetch(base + '/home')).text()).toBe(HEAD + BODY);
    const stale = await get({ cookie: `${CSS_COOKIE}=build-0` });
    expect(await stale.text()).toContain('<style nonce="abc">');

    respond = (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '11' });
      res.end('{"ok":true}');
    };
    const json = await get();
    expect(await json.text()).toBe('{"ok":true}');
    expect(json.headers.getSetCookie()).toEqual([]);
  });

  it('sends a page whose <head> names no known stylesheet as it was', () => {
    expect(inlineStylesheets('<head><link rel="stylesheet" href="/other.css"/>', stylesheets.sheets)).toBeNull();
    expect(inlineStylesheets(`<head>${LINK.replace(HREF, `${HREF}?dpl=1`)}`, stylesheets.sheets)).toContain('<style nonce="abc">');
  });

  it('holds back at most the head: a response with no </head> still arrives whole', async () => {
    respond = (res) => {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.write('<p>not ');
      res.end('found</p>');
    };
    const res = await get();
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('<p>not found</p>');
  });
});
