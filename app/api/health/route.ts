import { databaseHealthy } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** For load balancers: 200 when the database answers, 503 otherwise. Says nothing else. */
export async function GET() {
  const ok = await databaseHealthy();
  return Response.json({ status: ok ? 'ok' : 'unavailable' }, { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
