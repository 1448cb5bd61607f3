import 'server-only';
import { registerJob } from '@/lib/jobs';
import { DIGEST_EVERY_SECONDS, scheduleDigests, sendDueDigests } from './digests';
import { sendDueNotificationEmails } from './emails';

/** The notification mailer (./emails.ts): woken when a notification's email falls due. */
registerJob('notifications.email', async () => {
  await sendDueNotificationEmails();
});

/** Digests (./digests.ts): every quarter hour, each due digest once; the run schedules the next. */
registerJob('notifications.digests', async () => {
  await sendDueDigests();
  await scheduleDigests(DIGEST_EVERY_SECONDS);
});
