import { readiness } from '@/lib/health';
import { withViewer } from '@/lib/route';

export const dynamic = 'force-dynamic';

/**
 * Readiness, for load balancers and deploys: 200 when the database answers, every migration is applied
 * and this instance's workers run; 503 otherwise, naming the checks (never an error's text).
 */
export const GET = withViewer({
  access: 'public',
  async handler({ log }) {
    const { ready, checks } = await readiness();
    if (!ready) log.warn({ checks }, 'not ready');
    return Response.json({ status: ready ? 'ready' : 'unavailable', checks }, { status: ready ? 200 : 503 });
  },
});
