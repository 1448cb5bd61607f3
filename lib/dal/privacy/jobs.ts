import 'server-only';
import { registerJob, registerRecurringJob } from '@/lib/jobs';
import { purgeUnverifiedApplicants } from './erasure';
import { buildExport, expireDueExports, expireExport } from './exports';

/** The daily sweep: unverified applicants past their 30 days, and any export past its 24 hours. */
export const PRIVACY_SWEEP_EVERY_SECONDS = 86_400;

registerJob('privacy.buildExport', ({ exportId }) => buildExport(exportId));
registerJob('privacy.expireExport', ({ exportId }) => expireExport(exportId));
registerRecurringJob('privacy.sweep', PRIVACY_SWEEP_EVERY_SECONDS, async () => {
  await purgeUnverifiedApplicants();
  await expireDueExports();
});
