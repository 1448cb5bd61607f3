/**
 * ACCESS RULES for direct messages (issue 12, decision 023). THE ONE RULE: a conversation and its
 * messages exist only for its participants. A participant sees the messages written from the moment they
 * joined (people added to a group see no earlier history), until they leave; messages a member they
 * blocked wrote after the block do not reach them. The only other reader is the moderation queue, which
 * shows moderators a REPORTED message and the five before it (`reportedExcerpt`), nothing else.
 *
 * Admins and moderators have NO other way to read conversations: there is no "read everyone's
 * messages" screen, no admin branch below, and none must be added. Everything else — the inbox, a
 * conversation page, search, unread counts, notifications, writes — starts from `conversationAccess` or
 * `messageAccess`; what they leave out does not exist (NotFoundError, a 404).
 *
 * Who may be added to a conversation (`addableBy`): active members the viewer sees in the directory (the
 * directory's `personAccess`: listed and active) who have not blocked the viewer. An unlisted person
 * cannot be found or added by anyone, but may write to people they see, and reply when they answer.
 */
import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '@/lib/auth/sessions';
import { personAccess } from '@/lib/dal/directory/access';

/** The conversation (a query over `conversations`) is one the viewer takes part in now. */
export function conversationAccess(viewer: Viewer): SQL {
  return sql`exists (select 1 from conversation_participants cp where cp.conversation_id = "conversations"."id"
    and cp.user_id = ${viewer.id}::uuid and cp.left_at is null)`;
}

/** The message (a query over `direct_messages`) reaches the viewer: participant since before it was written, author not blocked since. */
export function messageAccess(viewer: Viewer): SQL {
  return messageReaches(sql`${viewer.id}::uuid`);
}

/**
 * The rule for any member (`userId` an SQL expression): the viewer's (`messageAccess`), and the mailer's
 * and the unread counts' for recipients.
 */
export function messageReaches(userId: SQL, message: SQL = sql`"direct_messages"`): SQL {
  return sql`(exists (select 1 from conversation_participants cp where cp.conversation_id = ${message}."conversation_id"
      and cp.user_id = ${userId} and cp.left_at is null and ${message}."created_at" >= cp.joined_at)
    and not exists (select 1 from member_blocks mb where mb.blocker_id = ${userId}
      and mb.blocked_id = ${message}."author_id" and ${message}."created_at" >= mb.created_at))`;
}

/**
 * The file (a query over `files`) is attached to a message that reaches the viewer and is still shown
 * (not deleted, not hidden by a moderator). /api/files/[id] serves message attachments under this alone:
 * for admins too (lib/dal/files/access.ts), and moderators' reported excerpts carry no files.
 */
export function attachmentAccess(viewer: Viewer): SQL {
  return sql`exists (select 1 from direct_message_attachments a join direct_messages dm on dm.id = a.message_id
    where a.file_id = "files"."id" and dm.deleted_at is null and dm.hidden_at is null and ${messageReaches(sql`${viewer.id}::uuid`, sql`dm`)})`;
}

/** Moderators only (the caller asserts the role): the message is an open report's message or one of the five before it. */
export function reportedExcerpt(): SQL {
  return sql`exists (select 1 from message_reports r join direct_messages rm on rm.id = r.message_id
    where r.status = 'open' and rm.conversation_id = "direct_messages"."conversation_id"
    and "direct_messages"."number" between rm.number - 5 and rm.number)`;
}

/** People (a query over `users`) the viewer may start a conversation with or add to one. */
export function addableBy(viewer: Viewer): SQL {
  return and(
    personAccess(viewer),
    sql`"users"."id" <> ${viewer.id}::uuid`,
    sql`not exists (select 1 from member_blocks mb where mb.blocker_id = "users"."id" and mb.blocked_id = ${viewer.id}::uuid)`,
  )!;
}
