import 'server-only';
import { sql } from 'drizzle-orm';
import { executeRows, getDb } from '@/db';
import type { NotificationKind } from '@/db/schema';
import { threadAudience } from '@/lib/dal/discussions/access';
import { deliveryColumns, scheduleNotificationEmails, wantsKind } from '@/lib/dal/notifications/delivery';
import { URGENT_REALERT_HOURS } from '@/lib/dal/notifications/urgent';
import { registerJob } from '@/lib/jobs';
import type { JobPayloads } from '@/lib/jobs/kinds';
import { mentionedUserIds } from './mentions';

/**
 * Notification fan-out, run by the background worker (never inside a request). Every recipient is
 * chosen with the same access rule as reads (`threadAudience`, the viewer rule applied to other people: the space and the thread's TLP marking),
 * and `dedupe_key` makes each job idempotent: running it twice adds nothing.
 */

interface PostRow {
  id: string;
  number: number;
  body: string;
  author_id: string;
  thread_id: string;
  space_id: string;
}

/**
 * Inserts one notification for each active person who sees the space, matches `who` and has not turned
 * the kind off (an archived space notifies nobody); each row says whether it shows in the portal and when its email is due (their
 * preferences, lib/dal/notifications/delivery.ts), and the mailer is woken for then.
 */
async function fanOut(opts: {
  kind: NotificationKind;
  dedupeKey: string;
  spaceId: string;
  threadId: string;
  postId: string | null;
  actorId: string;
  who: ReturnType<typeof sql>;
  /** Who may have an email (besides their channel): e.g. only those who follow a space post by post. */
  emailAllowed?: ReturnType<typeof sql>;
}) {
  const member = sql`users.id`;
  const delivery = deliveryColumns(opts.kind, member, opts.emailAllowed);
  await getDb().execute(sql`
    insert into notifications (user_id, kind, dedupe_key, space_id, thread_id, post_id, actor_id, in_portal, email_due_at)
    select users.id, ${opts.kind}::notification_kind, ${opts.dedupeKey}, ${opts.spaceId}::uuid, ${opts.threadId}::uuid, ${opts.postId}::uuid, ${opts.actorId}::uuid,
      ${delivery.inPortal}, ${delivery.emailDueAt}
    from users
    join organisations on organisations.id = users.organisation_id
    join spaces on spaces.id = ${opts.spaceId}::uuid
    where users.id <> ${opts.actorId}::uuid and spaces.archived_at is null and ${threadAudience(sql`${opts.threadId}::uuid`)} and ${opts.who} and ${wantsKind(opts.kind, member)}
    on conflict (user_id, dedupe_key) do nothing`);
  await scheduleNotificationEmails(opts.kind);
}

/** The member's way of following the post's space (space_follows.mode), as a condition. */
const followsSpace = (spaceId: string, modes: string[]) =>
  sql`exists (select 1 from space_follows f where f.space_id = ${spaceId}::uuid and f.user_id = users.id and f.mode::text in (${sql.join(
    modes.map((m) => sql`${m}`),
    sql`, `,
  )}))`;

/** A new post: mentions, replies to followers of the thread, new threads to followers of the space. */
async function fanOutPost(payload: JobPayloads['discussions.post']): Promise<void> {
  const postId = payload.postId;
  const [post] = await executeRows<PostRow>(
    getDb(),
    sql`select p.id, p.number, p.body, p.author_id, p.thread_id, t.space_id
        from posts p join threads t on t.id = p.thread_id
        where p.id = ${postId}::uuid and p.deleted_at is null and p.hidden_at is null`,
  );
  if (!post) return;
  const base = { spaceId: post.space_id, threadId: post.thread_id, postId: post.id, actorId: post.author_id };
  const mentioned = mentionedUserIds(post.body);
  if (mentioned.length) {
    const ids = sql.join(
      mentioned.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    await fanOut({ ...base, kind: 'mention', dedupeKey: `mention:${post.id}`, who: sql`users.id in (${ids})` });
  }
  if (payload.edit) return;
  const notMentioned = sql`not exists (select 1 from notifications n where n.user_id = users.id and n.dedupe_key = ${`mention:${post.id}`})`;
  // A muted space brings nothing but mentions and urgent alerts.
  const notMuted = sql`not ${followsSpace(post.space_id, ['muted'])}`;
  if (post.number > 1) {
    await fanOut({
      ...base,
      kind: 'reply',
      dedupeKey: `reply:${post.id}`,
      who: sql`(exists (select 1 from thread_follows f where f.thread_id = ${post.thread_id}::uuid and f.user_id = users.id)
        or ${followsSpace(post.space_id, ['every_post'])}) and ${notMuted} and ${notMentioned}`,
    });
  } else {
    await fanOut({
      ...base,
      kind: 'new_thread',
      dedupeKey: `thread:${post.thread_id}`,
      who: sql`${followsSpace(post.space_id, ['every_post', 'new_threads', 'daily', 'weekly'])} and ${notMentioned}`,
      // Spaces followed for their digest send no email of their own.
      emailAllowed: followsSpace(post.space_id, ['every_post', 'new_threads']),
    });
  }
}

/** An urgent flag: everyone who sees the space, once per flagging (at most once a day per thread). */
async function fanOutUrgent(payload: JobPayloads['discussions.urgent']): Promise<void> {
  const threadId = payload.threadId;
  const [thread] = await executeRows<{ id: string; space_id: string; urgent_at: string }>(
    getDb(),
    sql`select id, space_id, to_char(urgent_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as urgent_at
        from threads where id = ${threadId}::uuid and is_urgent`,
  );
  // Cleared (or flagged again since): nothing to send for this flagging.
  if (!thread || thread.urgent_at !== payload.urgentAt) return;
  // Flagged again within a day of an earlier alert (cleared and set, or set twice): the space is not alerted again.
  const [recent] = await executeRows(
    getDb(),
    sql`select 1 from notifications where thread_id = ${thread.id}::uuid and kind = 'urgent' and created_at > now() - make_interval(hours => ${URGENT_REALERT_HOURS}) limit 1`,
  );
  if (recent) return;
  await fanOut({
    kind: 'urgent',
    dedupeKey: `urgent:${thread.id}:${thread.urgent_at}`,
    spaceId: thread.space_id,
    threadId: thread.id,
    postId: null,
    actorId: payload.actorId,
    who: sql`true`,
  });
}

registerJob('discussions.post', fanOutPost);
registerJob('discussions.urgent', fanOutUrgent);
