import 'server-only';
import type { z } from 'zod';
import { getViewer, type Viewer } from '@/lib/auth/viewer';
import { NotFoundError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { consume, type RuleName } from '@/lib/rate-limit';
import { requestInfo, type RequestInfo } from '@/lib/request';

type Access = 'public' | 'member';

/**
 * The wrapper every route handler goes through (the route-handler twin of defineAction): loads the
 * viewer from the session row, parses the query with zod, applies the rate limit, and answers JSON.
 * 401 signed out, 400 bad input (field by field), 404 not visible, 429 over the limit, never a stack trace.
 */
export function withViewer<S extends z.ZodType, A extends Access>(def: {
  access: A;
  query: S;
  rateLimit?: RuleName;
  handler: (input: z.output<S>, ctx: { viewer: A extends 'member' ? Viewer : Viewer | null; request: RequestInfo }) => Promise<Response>;
}) {
  return async function handle(req: Request): Promise<Response> {
    const noStore = { 'Cache-Control': 'private, no-store' };
    try {
      const viewer = await getViewer();
      if (def.access === 'member' && !viewer) return Response.json({ error: 'unauthorized' }, { status: 401, headers: noStore });
      const request = await requestInfo();
      const parsed = def.query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
      if (!parsed.success) {
        const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? '_'), i.code]));
        return Response.json({ error: 'invalid', fields }, { status: 400, headers: noStore });
      }
      if (def.rateLimit) {
        const limit = await consume(def.rateLimit, viewer ? `user:${viewer.id}` : `ip:${request.ip}`);
        if (!limit.ok) {
          return Response.json({ error: 'rate_limited' }, { status: 429, headers: { ...noStore, 'Retry-After': String(limit.retryAfterSeconds) } });
        }
      }
      return await def.handler(parsed.data, { viewer, request } as never);
    } catch (error) {
      if (error instanceof NotFoundError) return Response.json({ error: 'not_found' }, { status: 404, headers: noStore });
      logger.error({ err: error }, 'route failed');
      return Response.json({ error: 'unexpected' }, { status: 500, headers: noStore });
    }
  };
}
