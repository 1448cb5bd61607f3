import 'server-only';
import { registerJob } from '@/lib/jobs';
import { liftDueSuspensions } from './members';

/** A temporary suspension's end (queued by suspendTemporarily for its due time): nothing if already lifted or changed. */
registerJob('moderation.liftSuspension', async ({ userId }) => {
  await liftDueSuspensions(userId);
});
