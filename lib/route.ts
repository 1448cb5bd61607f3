import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { recordDenied } from '@/lib/audit/denied';
import { getViewer, signedOutReason, type Viewer } from '@/lib/auth/viewer';
import { config } from '@/lib/config';
import { asUnavailable, loggableError, NotFoundError, ServiceUnavailableError, UserError } from '@/lib/errors';
import type { Logger } from 'pino';
import { routeLogger } from '@/lib/logger';
import { consume, type RuleName } from '@/lib/rate-limit';
import { addressKey, requestInfo, type RequestInfo } from '@/lib/request';
import { fieldErrors } from '@/lib/validation/messages';
import { stripControlCharacters } from '@/lib/validation/text';

type Access = 'public' | 'member';
type Translate = Awaited<ReturnType<typeof getTranslations>>;
type NoInput = z.ZodObject<Record<string, never>>;

export interface RouteContext<Q extends z.ZodType, P extends z.ZodType, A extends Access> {
  req: Request;
  /** The path's dynamic segments, as the `params` schema made them. */
  params: z.output<P>;
  /** The query string, as the `query` schema made it (control characters already gone). */
  query: z.output<Q>;
  viewer: A extends 'member' ? Viewer : Viewer | null;
  request: RequestInfo;
  /** The viewer's translator (full message keys). */
  t: Translate;
  /** A logger whose lines carry this request's id (also sent back as X-Request-Id). */
  log: Logger;
}

export interface RouteDefinition<Q extends z.ZodType, P extends z.ZodType, A extends Access> {
  access: A;
  /** The query string's schema: a value it refuses is a 400 naming the field. */
  query?: Q;
  /** The dynamic segments' schema: a value it refuses is a 404 (nothing can live there). */
  params?: P;
  /** Keyed on the member, or on the client address for anonymous requests. */
  rateLimit?: RuleName;
  /** The sentence of a 429 (a full key given `minutes`); errors.rateLimited by default. */
  rateLimitMessage?: string;
  /** Refuse requests another site's page made (Sec-Fetch-Site, or else Origin): for requests that change something. */
  sameOrigin?: boolean;
  handler: (ctx: RouteContext<Q, P, A>) => Promise<Response>;
}

type NextContext = { params?: Promise<Record<string, string | string[] | undefined>> };

const NO_STORE = 'private, no-store';

/** An answer with a machine-readable `error` and a sentence to show; never cached. */
function refusal(status: number, error: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return Response.json({ error, message, ...extra }, { status, headers: { 'Cache-Control': NO_STORE, ...headers } });
}

/** Sets `Cache-Control: private, no-store` unless the handler chose (a redirect's headers are immutable: copied). */
function privateByDefault(response: Response): Response {
  if (response.headers.has('Cache-Control')) return response;
  try {
    response.headers.set('Cache-Control', NO_STORE);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set('Cache-Control', NO_STORE);
    return copy;
  }
}

/** Whether an origin (from Origin or Referer) is the portal's own: APP_URL's or the request's. */
function ownOrigin(req: Request, origin: string): boolean {
  return origin === new URL(config().APP_URL).origin || origin === new URL(req.url).origin;
}

/** True when a browser says another site's page sent the request (non-browser clients carry no one's cookies). */
export function crossSite(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  if (site) return site !== 'same-origin';
  const origin = req.headers.get('origin');
  return origin !== null && !ownOrigin(req, origin);
}

/**
 * True only when the request provably comes from one of the portal's own pages: `Sec-Fetch-Site:
 * same-origin`, or (browsers without fetch metadata) an Origin or Referer of the portal. A typed address,
 * a bookmark, another site's link or image, and a client that says nothing are all false. Stricter than
 * `!crossSite(req)`, for GETs whose side effects must not be caused by someone else (the download trail).
 */
export function fromOwnPage(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = req.headers.get('origin');
  if (origin) return ownOrigin(req, origin);
  const referer = URL.parse(req.headers.get('referer') ?? '');
  return referer !== null && ownOrigin(req, referer.origin);
}

/**
 * The one door every route handler goes through (the twin of lib/actions.ts), used as
 * `export const POST = withViewer({ … })`: optionally refuses cross-site requests, loads the viewer from
 * the session row (refusing anyone not active for member routes), parses params (404) and query (400,
 * field by field), applies the rate limit, and calls the handler with everything it needs. Failures are
 * JSON `{ error, message }` with a sentence in the viewer's language: 401 signed out, 403 cross-site,
 * 400 bad input or a UserError, 404 not visible, 429 over the limit, 500 otherwise (logged without the
 * values bound to a failed query). Responses are `private, no-store` unless the handler says otherwise.
 */
export function withViewer<Q extends z.ZodType = NoInput, P extends z.ZodType = NoInput, A extends Access = 'member'>(def: RouteDefinition<Q, P, A>) {
  return async function handle(req: Request, context?: NextContext): Promise<Response> {
    const { requestId, log } = routeLogger(req);
    const response = await answer(req, context, log);
    response.headers.set('X-Request-Id', requestId);
    return response;
  };

  async function answer(req: Request, context: NextContext | undefined, log: Logger): Promise<Response> {
    const t = await getTranslations();
    let viewer: Viewer | null = null;
    try {
      if (def.sameOrigin && crossSite(req)) return refusal(403, 'forbidden', t('errors.crossSite'));
      viewer = await getViewer();
      if (def.access === 'member' && !viewer) return refusal(401, 'unauthorized', t(await signedOutReason()));
      const params = (def.params ?? z.object({})).safeParse((await context?.params) ?? {});
      if (!params.success) return refusal(404, 'not_found', t('errors.notFound'));
      const searchParams = new URL(req.url).searchParams;
      const raw = Object.fromEntries([...searchParams.keys()].map((key) => [key, stripControlCharacters(searchParams.get(key)!)]));
      const query = (def.query ?? z.object({})).safeParse(raw);
      if (!query.success) {
        return refusal(400, 'invalid', t('errors.checkFields'), { fields: fieldErrors(query.error, await getTranslations('validation')) });
      }
      const request = await requestInfo();
      if (def.rateLimit) {
        const limit = await consume(def.rateLimit, viewer ? `user:${viewer.id}` : `ip:${addressKey(request.ip)}`);
        if (!limit.ok) {
          const message = t(def.rateLimitMessage ?? 'errors.rateLimited', { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
          return refusal(429, 'rate_limited', message, {}, { 'Retry-After': String(limit.retryAfterSeconds) });
        }
      }
      const ctx = { req, params: params.data, query: query.data, viewer, request, t, log } as RouteContext<Q, P, A>;
      return privateByDefault(await def.handler(ctx));
    } catch (thrown) {
      unstable_rethrow(thrown);
      const error = asUnavailable(thrown);
      if (error instanceof NotFoundError) {
        await recordDenied(viewer, { door: 'route', what: error.what, path: new URL(req.url).pathname }, (await requestInfo()).ip);
        return refusal(404, 'not_found', t('errors.notFound'));
      }
      if (error instanceof UserError) {
        const message = t(error.messageKey, error.values);
        return refusal(400, 'invalid', message, error.field ? { fields: { [error.field]: [message] } } : {});
      }
      if (error instanceof ServiceUnavailableError) {
        log.warn({ service: error.service, path: new URL(req.url).pathname }, 'service unavailable');
        return refusal(503, 'unavailable', t('errors.serviceUnavailable'), {}, { 'Retry-After': '30' });
      }
      log.error({ error: loggableError(error), path: new URL(req.url).pathname }, 'route failed');
      return refusal(500, 'unexpected', t('errors.unexpected'));
    }
  }
}
