#!/usr/bin/env node
/**
 * The portal's HTTP server: Node's http server in front of Next.js's request handler, so the client's
 * address comes from the socket and never from a header the client wrote (decision 012).
 *
 *   node scripts/server.mjs [--dev] [--port 3000] [--hostname 0.0.0.0]
 *
 * `npm start`, `npm run dev`, the end-to-end server and the fault and load tests all start the portal
 * through this file. With TRUSTED_PROXIES=0 (no proxy in front) every forwarding header a client sent
 * (X-Forwarded-*, X-Real-IP, Forwarded) is removed and X-Forwarded-For is set to the socket's peer.
 * With TRUSTED_PROXIES=N the chain is left as the proxies wrote it and lib/request.ts takes the Nth entry
 * from the right. lib/request.ts trusts X-Forwarded-For with no proxy only when this server marked the
 * process (the symbol below): under a bare `next start` the address is "unknown" and the per-address
 * limits fall back to one shared bucket, beside the per-account and global ones.
 * A path with a malformed percent escape is made decodable first (scripts/request-path.mjs): a 404, not a 500.
 */
import { createServer } from 'node:http';
import path from 'node:path';
import { Duplex } from 'node:stream';
import compression from 'compression';
import { scrubForwarding } from './forwarding.mjs';
import { inlineCssInto, loadStylesheets, wantsInlineCss } from './inline-css.mjs';
import { decodablePath } from './request-path.mjs';

const args = process.argv.slice(2);
const option = (long, short) => {
  const i = args.findIndex((a) => a === long || a === short);
  return i >= 0 ? args[i + 1] : undefined;
};
const dev = args.includes('--dev');
const port = Number(option('--port', '-p') ?? process.env.PORT ?? 3000);
const hostname = option('--hostname', '-H');
const trustedProxies = Number(process.env.TRUSTED_PROXIES || 0);
// As `next dev` and `next start` do; set before Next.js is loaded (lib/config.ts reads it too).
process.env.NODE_ENV = dev ? 'development' : 'production';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

/** Read by lib/request.ts: X-Forwarded-For was written by this server from the socket. Same process, same global. */
globalThis[Symbol.for('protectors-portal.peer-from-socket')] = true;

const { default: next } = await import('next');
const app = next({ dev, hostname, port, ...(dev ? { turbopack: true } : {}) });
const handle = app.getRequestHandler();
await app.prepare();

// Compression here rather than in Next.js (`compress: false` in next.config.ts), so that the first
// visit's stylesheet inlining (scripts/inline-css.mjs) reads the HTML before it is compressed.
const compress = compression();
const noop = () => {};
const stylesheets = dev ? null : loadStylesheets(path.join(process.cwd(), '.next'));
const secure = (process.env.APP_URL ?? '').startsWith('https:');

const server = createServer((req, res) => {
  scrubForwarding(req.headers, req.socket.remoteAddress, trustedProxies);
  if (req.url) req.url = decodablePath(req.url);
  compress(req, res, () => {
    // As Next.js does: on a client's disconnect (a closed live-updates stream) the middleware never ends
    // its zlib stream, which then outlives the response; its `res.on` hands back that stream.
    res.once('close', () => {
      if (res.writableFinished) return;
      const stream = res.on('drain', noop);
      if (stream !== res && stream instanceof Duplex) stream.destroy();
      else res.off('drain', noop);
    });
    if (stylesheets && wantsInlineCss(req, stylesheets.buildId)) inlineCssInto(res, stylesheets, { secure });
    handle(req, res);
  });
});
server.listen(port, hostname, () => {
  const shown = hostname && hostname !== '0.0.0.0' && hostname !== '::' ? hostname : 'localhost';
  console.info(`[server] ${dev ? 'development' : 'production'} server on http://${shown}:${port} (TRUSTED_PROXIES=${trustedProxies})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    process.exit(0);
  });
}
