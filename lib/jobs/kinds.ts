/**
 * Every kind of background job and the payload it carries (stored as JSON: strings, numbers, booleans).
 * A new kind is added here, its handler registered in its domain's jobs.ts (imported by ./registry.ts).
 */
export interface JobPayloads {
  /** A new or edited post: notify followers and mentioned people (lib/dal/discussions/jobs.ts). */
  'discussions.post': { postId: string; edit?: boolean };
  /** A thread flagged urgent: tell everyone who sees its space, once per flagging (`urgentAt`, ISO). */
  'discussions.urgent': { threadId: string; urgentAt: string; actorId: string };
  /** Notification emails that have fallen due (lib/dal/notifications/emails.ts): sends all of them. */
  'notifications.email': Record<string, never>;
  /** Sends the daily and weekly digests now due, then schedules its next run (lib/dal/notifications/digests.ts). */
  'notifications.digests': Record<string, never>;
  /** A PDF resource's text, for search (lib/dal/resources/jobs.ts). */
  'resources.extractText': { resourceId: string };
  /** An uploaded file never attached to a resource, discarded after a day. */
  'resources.discardUnattachedFile': { fileId: string };
  /** Re-checks stored files against the block list after hashes were added, a batch at a time after `afterId` (lib/dal/files/recheck.ts). */
  'files.recheckBlocklist': { afterId?: string };
  /** Scans an uploaded file with clamd (CLAMAV_URL); it is downloadable once clean (lib/dal/files/scan.ts). */
  'files.scan': { fileId: string };
  /** Builds a member's data export (lib/dal/privacy/jobs.ts). */
  'privacy.buildExport': { exportId: string };
  /** Deletes a data export's file once its 24 hours are up. */
  'privacy.expireExport': { exportId: string };
  /** Daily: purges unverified applicants older than 30 days and any export past its time, then queues itself. */
  'privacy.sweep': Record<string, never>;
  /** Purges old rate-limit rows, then queues itself again in an hour (lib/rate-limit/jobs.ts). */
  'system.purgeRateLimits': Record<string, never>;
  /** The yearly re-verification's clock: opens rounds, reminds, suspends; then queues itself in an hour (lib/dal/reverification). */
  'organisations.reverification': Record<string, never>;
  /** Walks the whole audit hash chain and keeps the report for the console (lib/audit/chain-status.ts); hourly. */
  'audit.verifyChain': Record<string, never>;
  /** Lifts a member's temporary suspension when it is due (lib/dal/moderation/jobs.ts); sign-in lifts it too. */
  'moderation.liftSuspension': { userId: string };
}

export type JobKind = keyof JobPayloads;
