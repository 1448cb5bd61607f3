/**
 * Managing conversations and blocks: marking read, muting, renaming a group, adding people to it,
 * leaving it; blocking a member. ACCESS (./access.ts): each write finds the conversation through
 * `conversationAccess(viewer)` in its WHERE clause (not a participant: NotFoundError), and adds only
 * people `addableBy(viewer)` finds. People added see the history from when they joined, not before.
 */
import 'server-only';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { conversationParticipants, conversations, memberBlocks, notifications, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { personAccess } from '@/lib/dal/directory/access';
import { isUuid } from '@/lib/dal/pagination';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { conversationAccess } from './access';
import { addablePeople, GROUP_MAX } from './write';

/** The conversation row (locked) if the viewer takes part in it; NotFoundError otherwise. */
async function participating(tx: Tx, viewer: Viewer, unsafeId: string) {
  if (!isUuid(unsafeId)) throw new NotFoundError('conversation');
  const [row] = await tx
    .select({ id: conversations.id, isGroup: conversations.isGroup, messageCount: conversations.messageCount })
    .from(conversations)
    .where(and(eq(conversations.id, unsafeId), conversationAccess(viewer)))
    .for('update')
    .limit(1);
  if (!row) throw new NotFoundError('conversation');
  return row;
}

const mine = (viewer: Viewer, conversationId: string) =>
  and(eq(conversationParticipants.conversationId, conversationId), eq(conversationParticipants.userId, viewer.id));

/** Opening a conversation marks every message in it read. */
export async function markConversationRead(viewer: Viewer, unsafeId: string): Promise<void> {
  if (!isUuid(unsafeId)) return;
  await getDb()
    .update(conversationParticipants)
    .set({ lastReadNumber: sql`(select message_count from conversations where id = ${unsafeId}::uuid)` })
    .where(and(mine(viewer, unsafeId), isNull(conversationParticipants.leftAt)));
  // Read in the portal: no email about them any more (the mailer skips read rows).
  await getDb()
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, viewer.id), eq(notifications.conversationId, unsafeId), isNull(notifications.readAt)));
}

export async function setConversationMuted(viewer: Viewer, unsafeId: string, muted: boolean): Promise<void> {
  await getDb().transaction(async (tx) => {
    const conversation = await participating(tx, viewer, unsafeId);
    await tx.update(conversationParticipants).set({ muted }).where(mine(viewer, conversation.id));
  });
}

/** Renames a group (an empty subject removes it). */
export async function renameConversation(viewer: Viewer, unsafeId: string, subject: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const conversation = await participating(tx, viewer, unsafeId);
    if (!conversation.isGroup) throw new UserError('messages.group.onlyGroups');
    await tx
      .update(conversations)
      .set({ subject: subject.trim() || null })
      .where(eq(conversations.id, conversation.id));
  });
}

/** Adds people to a group (up to 20 in all): they see messages written from now on. */
export async function addParticipants(viewer: Viewer, unsafeId: string, ids: string[]): Promise<void> {
  await getDb().transaction(async (tx) => {
    const conversation = await participating(tx, viewer, unsafeId);
    if (!conversation.isGroup) throw new UserError('messages.group.onlyGroups');
    const people = await addablePeople(tx, viewer, ids, 'people');
    const [count] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(conversationParticipants)
      .where(
        and(
          eq(conversationParticipants.conversationId, conversation.id),
          isNull(conversationParticipants.leftAt),
          sql`${conversationParticipants.userId} not in (${sql.join(
            people.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
        ),
      );
    if ((count?.n ?? 0) + people.length > GROUP_MAX) throw new UserError('messages.limits.groupSize', 'people', { max: GROUP_MAX });
    await tx
      .insert(conversationParticipants)
      .values(people.map((userId) => ({ conversationId: conversation.id, userId, lastReadNumber: conversation.messageCount })))
      .onConflictDoUpdate({
        target: [conversationParticipants.conversationId, conversationParticipants.userId],
        // Someone who had left and is added again starts afresh: history from now on.
        set: { joinedAt: sql`now()`, leftAt: null, lastReadNumber: conversation.messageCount, lastActivityAt: sql`now()` },
        setWhere: sql`${conversationParticipants.leftAt} is not null`,
      });
  });
}

/** Leaves a group: it is gone from the viewer's inbox, and its messages no longer reach them. */
export async function leaveConversation(viewer: Viewer, unsafeId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const conversation = await participating(tx, viewer, unsafeId);
    if (!conversation.isGroup) throw new UserError('messages.group.onlyGroups');
    await tx
      .update(conversationParticipants)
      .set({ leftAt: sql`now()` })
      .where(mine(viewer, conversation.id));
  });
}

/**
 * Blocks a member the viewer can see in the directory or shares a conversation with: they can no longer
 * start a conversation with the viewer or add them to one, and their new messages stop reaching the
 * viewer. They are not told. Audited.
 */
export async function blockMember(viewer: Viewer, unsafeUserId: string, request: RequestInfo): Promise<void> {
  if (!isUuid(unsafeUserId) || unsafeUserId === viewer.id) throw new NotFoundError('person');
  await getDb().transaction(async (tx) => {
    const [person] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.id, unsafeUserId),
          or(
            personAccess(viewer),
            sql`exists (select 1 from conversation_participants a join conversation_participants b on b.conversation_id = a.conversation_id
              where a.user_id = ${viewer.id}::uuid and a.left_at is null and b.user_id = "users"."id")`,
          ),
        ),
      )
      .limit(1);
    if (!person) throw new NotFoundError('person');
    const rows = await tx.insert(memberBlocks).values({ blockerId: viewer.id, blockedId: person.id }).onConflictDoNothing().returning();
    if (rows.length) await audit({ actorId: viewer.id, action: 'member.blocked', targetType: 'user', targetId: person.id, ip: request.ip }, tx);
  });
}

export async function unblockMember(viewer: Viewer, unsafeUserId: string, request: RequestInfo): Promise<void> {
  if (!isUuid(unsafeUserId)) throw new NotFoundError('person');
  await getDb().transaction(async (tx) => {
    const rows = await tx
      .delete(memberBlocks)
      .where(and(eq(memberBlocks.blockerId, viewer.id), eq(memberBlocks.blockedId, unsafeUserId)))
      .returning();
    if (rows.length) await audit({ actorId: viewer.id, action: 'member.unblocked', targetType: 'user', targetId: unsafeUserId, ip: request.ip }, tx);
  });
}

/** Whether the viewer has blocked this person (their own choice: nobody else's blocks are ever read). */
export async function hasBlocked(viewer: Viewer, unsafeUserId: string): Promise<boolean> {
  if (!isUuid(unsafeUserId)) return false;
  const [row] = await getDb()
    .select({ id: memberBlocks.blockedId })
    .from(memberBlocks)
    .where(and(eq(memberBlocks.blockerId, viewer.id), eq(memberBlocks.blockedId, unsafeUserId)))
    .limit(1);
  return !!row;
}
