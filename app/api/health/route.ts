import { databaseHealthy } from '@/lib/health';
import { withViewer } from '@/lib/route';

export const dynamic = 'force-dynamic';

/** For load balancers: 200 when the database answers, 503 otherwise. Says nothing else. */
export const GET = withViewer({
  access: 'public',
  async handler() {
    const ok = await databaseHealthy();
    return Response.json({ status: ok ? 'ok' : 'unavailable' }, { status: ok ? 200 : 503 });
  },
});
