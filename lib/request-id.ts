/**
 * The request id: made by proxy.ts for every page request (or kept from a trusted reverse proxy in front,
 * such as nginx's `$request_id`), passed to the server as the `x-request-id` request header, returned to
 * the browser as `X-Request-Id`, carried by every log line of the request (lib/logger: requestLogger) and
 * shown on the error page so a member can quote it. No `server-only`: the proxy imports it.
 */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a proxy's id may look like (nginx's is 32 hex digits); anything else is replaced. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * The id for a request: the incoming header when a trusted proxy sent it (`trustIncoming`, i.e.
 * TRUSTED_PROXIES > 0) and it is well formed, otherwise a fresh random one.
 */
export function requestIdFor(incoming: string | null | undefined, trustIncoming: boolean): string {
  return trustIncoming && incoming && WELL_FORMED.test(incoming) ? incoming : crypto.randomUUID();
}
