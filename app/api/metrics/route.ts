import { createHash, timingSafeEqual } from 'node:crypto';
import { config } from '@/lib/config';
import { refreshQueueMetrics } from '@/lib/health';
import { metrics } from '@/lib/metrics';
import { withViewer } from '@/lib/route';

export const dynamic = 'force-dynamic';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Prometheus metrics (lib/metrics.ts) for a scraper holding METRICS_TOKEN (`Authorization: Bearer …`).
 * Without METRICS_TOKEN configured the endpoint does not exist (404); a wrong token gets 401.
 */
export const GET = withViewer({
  access: 'public',
  async handler({ req, log }) {
    const token = config().METRICS_TOKEN;
    if (!token) return new Response(null, { status: 404 });
    const given = /^Bearer (.+)$/.exec(req.headers.get('authorization') ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(given), digest(token))) return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    try {
      await refreshQueueMetrics();
    } catch (error) {
      // The process metrics still tell something while the database is away.
      log.warn({ err: error }, 'queue metrics unavailable');
    }
    const { registry } = metrics();
    return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType } });
  },
});
