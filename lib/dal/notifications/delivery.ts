/**
 * How a notification reaches its member: in the portal, by email (after the delay; urgent alerts at
 * once), both, or not at all, from their preferences (./preferences.ts). Used by every writer of
 * notifications (fan-out jobs, join decisions, moderation) so the rule is the same everywhere.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Channel, NotificationKind, PreferenceKind } from '@/db/schema';
import type { Tx } from '@/db';
import { config } from '@/lib/config';
import { enqueueJob } from '@/lib/jobs';

/** What a member gets when they have not chosen (mentions and replies by email too; followed spaces in a digest). */
export const DEFAULT_CHANNELS: Record<PreferenceKind, Channel> = {
  mention: 'both',
  reply: 'both',
  new_thread: 'both',
  urgent: 'both',
  join: 'both',
  moderation: 'both',
  message: 'both',
};

/** Kinds under the member's "moderation" preference: decisions others took about their posts, threads and resources. */
const MODERATION_KINDS = ['post_hidden', 'file_quarantined', 'marking_lowered', 'resource_marking_lowered', 'warning', 'member_suspended'] as const;
type ModerationKind = (typeof MODERATION_KINDS)[number];
const isModerationKind = (kind: NotificationKind): kind is ModerationKind => (MODERATION_KINDS as readonly string[]).includes(kind);

export function preferenceKindOf(kind: NotificationKind): PreferenceKind {
  if (kind === 'join_accepted' || kind === 'join_declined') return 'join';
  if (isModerationKind(kind)) return 'moderation';
  return kind;
}

/** The member's channel for a kind, as SQL (`userId` an expression naming the member). */
export function channelSql(kind: NotificationKind, userId: SQL): SQL<Channel> {
  const key = preferenceKindOf(kind);
  return sql<Channel>`coalesce((select np.channels ->> ${key} from notification_preferences np where np.user_id = ${userId}), ${DEFAULT_CHANNELS[key]})`;
}

/** The same for a row whose kind is a column (`kind` an SQL expression of type notification_kind). */
export function channelOfRowSql(kind: SQL, userId: SQL): SQL<Channel> {
  const moderation = sql.raw(MODERATION_KINDS.map((k) => `'${k}'`).join(', '));
  const key = sql`(case when ${kind} in ('join_accepted', 'join_declined') then 'join' when ${kind} in (${moderation}) then 'moderation' else ${kind}::text end)`;
  return sql<Channel>`coalesce((select np.channels ->> ${key} from notification_preferences np where np.user_id = ${userId}), ${JSON.stringify(DEFAULT_CHANNELS)}::jsonb ->> ${key})`;
}

export const emailDelaySeconds = (kind: NotificationKind) => (kind === 'urgent' ? 0 : config().NOTIFICATION_EMAIL_DELAY_SECONDS);

/**
 * The delivery columns of a new notification row: shown in the portal or not, and when its email is due
 * (null: no email). `emailAllowed` narrows email further (a space followed for its digest only).
 */
export function deliveryColumns(kind: NotificationKind, userId: SQL, emailAllowed: SQL = sql`true`): { inPortal: SQL<boolean>; emailDueAt: SQL } {
  const channel = channelSql(kind, userId);
  return {
    inPortal: sql<boolean>`(${channel} in ('both', 'portal'))`,
    emailDueAt: sql`case when ${channel} in ('both', 'email') and ${emailAllowed} then now() + make_interval(secs => ${emailDelaySeconds(kind)}) end`,
  };
}

/** The condition a fan-out adds so that members who turned a kind off get no row at all. */
export function wantsKind(kind: NotificationKind, userId: SQL): SQL {
  return sql`(${channelSql(kind, userId)} <> 'off')`;
}

/** Wakes the mailer when the emails of notifications just written are due (inside the writer's transaction when given). */
export async function scheduleNotificationEmails(kind: NotificationKind, tx?: Tx): Promise<void> {
  await enqueueJob('notifications.email', {}, { tx, delaySeconds: emailDelaySeconds(kind) });
}
