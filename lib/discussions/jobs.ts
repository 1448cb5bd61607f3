import 'server-only';
import { sql } from 'drizzle-orm';
import { executeRows, getDb } from '@/db';
import { spaceAudience } from '@/lib/dal/spaces-access';
import { registerJob } from '@/lib/jobs';
import { mentionedUserIds } from './mentions';

/**
 * Notification fan-out, run by the background worker (never inside a request). Every recipient is
 * chosen with the same access rule as reads (`spaceAudience`, the viewer rule applied to other people),
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

/** Inserts one notification for each active person who sees the space and matches `who`. */
function fanOut(opts: { kind: string; dedupeKey: string; spaceId: string; threadId: string; postId: string | null; actorId: string; who: ReturnType<typeof sql> }) {
  return getDb().execute(sql`
    insert into notifications (user_id, kind, dedupe_key, space_id, thread_id, post_id, actor_id)
    select users.id, ${opts.kind}::notification_kind, ${opts.dedupeKey}, ${opts.spaceId}::uuid, ${opts.threadId}::uuid, ${opts.postId}::uuid, ${opts.actorId}::uuid
    from users
    join organisations on organisations.id = users.organisation_id
    join spaces on spaces.id = ${opts.spaceId}::uuid
    where users.id <> ${opts.actorId}::uuid and ${spaceAudience()} and ${opts.who}
    on conflict (user_id, dedupe_key) do nothing`);
}

/** A new post: mentions, replies to followers of the thread, new threads to followers of the space. */
export async function fanOutPost(payload: Record<string, unknown>): Promise<void> {
  const postId = String(payload.postId);
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
  if (post.number > 1) {
    await fanOut({
      ...base,
      kind: 'reply',
      dedupeKey: `reply:${post.id}`,
      who: sql`exists (select 1 from thread_follows f where f.thread_id = ${post.thread_id}::uuid and f.user_id = users.id) and ${notMentioned}`,
    });
  } else {
    await fanOut({
      ...base,
      kind: 'new_thread',
      dedupeKey: `thread:${post.thread_id}`,
      who: sql`exists (select 1 from space_follows f where f.space_id = ${post.space_id}::uuid and f.user_id = users.id) and ${notMentioned}`,
    });
  }
}

/** An urgent flag: everyone who sees the space, once per flagging. */
export async function fanOutUrgent(payload: Record<string, unknown>): Promise<void> {
  const threadId = String(payload.threadId);
  const [thread] = await executeRows<{ id: string; space_id: string; urgent_at: string }>(
    getDb(),
    sql`select id, space_id, to_char(urgent_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as urgent_at
        from threads where id = ${threadId}::uuid and is_urgent`,
  );
  // Cleared (or flagged again since): nothing to send for this flagging.
  if (!thread || thread.urgent_at !== payload.urgentAt) return;
  await fanOut({
    kind: 'urgent',
    dedupeKey: `urgent:${thread.id}:${thread.urgent_at}`,
    spaceId: thread.space_id,
    threadId: thread.id,
    postId: null,
    actorId: String(payload.actorId),
    who: sql`true`,
  });
}

registerJob('discussions.post', fanOutPost);
registerJob('discussions.urgent', fanOutUrgent);
