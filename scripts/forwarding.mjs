/**
 * What scripts/server.mjs does to each request's headers before Next.js sees them (decision 012), kept
 * apart so the tests run the same code. With no trusted proxy (TRUSTED_PROXIES=0) every forwarding header
 * was written by the client: all are removed and X-Forwarded-For becomes the socket's peer. Behind
 * proxies the chain is left as they wrote it (lib/request.ts takes the Nth entry from the right).
 */
export const CLIENT_FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];

/** Mutates `headers` (Node's lower-cased IncomingHttpHeaders). */
export function scrubForwarding(headers, remoteAddress, trustedProxies) {
  if (trustedProxies > 0) return headers;
  for (const name of CLIENT_FORWARDING_HEADERS) delete headers[name];
  if (remoteAddress) headers['x-forwarded-for'] = remoteAddress;
  return headers;
}
