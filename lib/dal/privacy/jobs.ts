import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { jobs } from '@/db/schema';
import { enqueueJob, registerJob } from '@/lib/jobs';
import { purgeUnverifiedApplicants } from './erasure';
import { buildExport, expireDueExports, expireExport } from './exports';

/** The daily sweep: unverified applicants past their 30 days, and any export past its 24 hours. */
export const PRIVACY_SWEEP_EVERY_SECONDS = 86_400;

/** Queues the sweep unless a run is already waiting (startup calls it; each run queues the next). */
export async function schedulePrivacySweep(delaySeconds = 0): Promise<void> {
  const [waiting] = await getDb()
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, 'privacy.sweep'), isNull(jobs.doneAt)))
    .limit(1);
  if (!waiting) await enqueueJob('privacy.sweep', {}, { delaySeconds });
}

registerJob('privacy.buildExport', ({ exportId }) => buildExport(exportId));
registerJob('privacy.expireExport', ({ exportId }) => expireExport(exportId));
registerJob('privacy.sweep', async () => {
  await purgeUnverifiedApplicants();
  await expireDueExports();
  await enqueueJob('privacy.sweep', {}, { delaySeconds: PRIVACY_SWEEP_EVERY_SECONDS });
});
