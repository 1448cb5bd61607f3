import 'server-only';
import { registerJob, registerRecurringJob } from '@/lib/jobs';
import { DIGEST_EVERY_SECONDS, sendDueDigests } from './digests';
import { sendDueNotificationEmails } from './emails';

/** The notification mailer (./emails.ts): woken when a notification's email falls due. */
registerJob('notifications.email', async () => {
  await sendDueNotificationEmails();
});

/** Digests (./digests.ts): every quarter hour, each due digest once; the run schedules the next. */
registerRecurringJob('notifications.digests', DIGEST_EVERY_SECONDS, sendDueDigests);
