import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { jobs } from '@/db/schema';
import { enqueueJob, registerJob } from '@/lib/jobs';
import { runReverification } from './rounds';

/** The re-verification clock runs every hour (dates are days: an hour late is nothing). */
export const REVERIFICATION_EVERY_SECONDS = 3600;

/** Queues the clock unless a run is already waiting (one chain of runs, whatever the number of instances); startup calls it. */
export async function scheduleReverification(delaySeconds = 0): Promise<void> {
  const [waiting] = await getDb()
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, 'organisations.reverification'), isNull(jobs.doneAt)))
    .limit(1);
  if (!waiting) await enqueueJob('organisations.reverification', {}, { delaySeconds });
}

registerJob('organisations.reverification', async () => {
  await runReverification();
  // This run is still "not done" while it runs: queue the next one directly.
  await enqueueJob('organisations.reverification', {}, { delaySeconds: REVERIFICATION_EVERY_SECONDS });
});
