/**
 * Writing direct messages: starting a conversation, sending, editing (within 15 minutes) and removing
 * one's own. ACCESS (./access.ts): a conversation is found through `conversationAccess(viewer)` and a
 * message through `messageAccess(viewer)`, inside the write's transaction; people are added only when
 * `addableBy(viewer)` finds them (directory-visible both ways, not blocked). Markdown is cooked and
 * sanitized once, here (lib/markdown). Limits (lib/rate-limit): conversations started per day (fewer
 * for new members) and messages per minute. A suspended member is no viewer, so cannot send. Bodies are
 * checked for what could identify a victim or a case first (lib/identifying: refused unless acknowledged).
 */
import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '@/db';
import { conversationParticipants, conversations, directMessages, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { isUuid } from '@/lib/dal/pagination';
import { deliveryColumns, scheduleNotificationEmails } from '@/lib/dal/notifications/delivery';
import { NotFoundError, UserError } from '@/lib/errors';
import { recordAcknowledged, screenIdentifying } from '@/lib/identifying/check';
import { cookMarkdown, markdownToPlainText } from '@/lib/markdown';
import { consume } from '@/lib/rate-limit';
import type { RequestInfo } from '@/lib/request';
import { addableBy, conversationAccess, messageAccess, messageReaches } from './access';
import { attachFiles, detachAndDeleteFiles, dropBytes } from './attachments';

/** A group has at most this many people, its starter included. */
export const GROUP_MAX = 20;
/** A message can be edited this long after it was written. */
export const EDIT_MINUTES = 15;
/** Members approved less than this many days ago start fewer conversations a day. */
const NEW_MEMBER_DAYS = 7;

export interface StartInput {
  recipientIds: string[];
  subject?: string | null;
  body: string;
  /** "I have checked: nothing here identifies a victim or a case" (lib/identifying). */
  identifyingChecked?: boolean;
  /** The viewer's own unattached uploads (POST /api/uploads?for=message) to attach. */
  attachments?: string[];
}

async function cook(body: string) {
  const cooked = await cookMarkdown(body);
  return { body, cooked, plainText: markdownToPlainText(cooked) };
}

type Cooked = Awaited<ReturnType<typeof cook>>;

/** Refuses with the limit's own sentence when the member is over it. */
async function spend(rule: Parameters<typeof consume>[0], viewer: Viewer, messageKey: string): Promise<void> {
  const result = await consume(rule, `user:${viewer.id}`);
  if (!result.ok) throw new UserError(messageKey, undefined, { minutes: Math.ceil(result.retryAfterSeconds / 60) });
}

/**
 * The people among `ids` the viewer may add. When any is not (blocked the viewer, unlisted, suspended,
 * unknown), one field error on `field` with the SAME sentence for every reason (decision 027): the
 * viewer learns they cannot write to someone they chose, never why, so a block is not revealed.
 */
export async function addablePeople(tx: Db | Tx, viewer: Viewer, ids: string[], field = 'recipients'): Promise<string[]> {
  const unique = [...new Set(ids)];
  const cannot = new UserError('messages.new.cannotWrite', field);
  if (!unique.length || !unique.every(isUuid)) throw cannot;
  const found = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, unique), addableBy(viewer)));
  if (found.length !== unique.length) throw cannot;
  return unique;
}

/** Adds a message to a conversation whose row the caller found under the access rule; notifies the others. */
async function insertMessage(
  tx: Tx,
  viewer: Viewer,
  conversationId: string,
  content: Cooked,
  attachments: string[] = [],
): Promise<{ messageId: string; number: number }> {
  const [counter] = await tx
    .update(conversations)
    .set({ messageCount: sql`${conversations.messageCount} + 1`, lastMessageAt: sql`now()` })
    .where(eq(conversations.id, conversationId))
    .returning({ number: conversations.messageCount });
  const [message] = await tx
    .insert(directMessages)
    .values({ conversationId, number: counter!.number, authorId: viewer.id, ...content })
    .returning({ id: directMessages.id });
  await attachFiles(tx, viewer, message!.id, attachments);
  await tx
    .update(conversationParticipants)
    .set({ lastActivityAt: sql`now()` })
    .where(and(eq(conversationParticipants.conversationId, conversationId), isNull(conversationParticipants.leftAt)));
  await tx
    .update(conversationParticipants)
    .set({ lastReadNumber: counter!.number })
    .where(and(eq(conversationParticipants.conversationId, conversationId), eq(conversationParticipants.userId, viewer.id)));
  // One row per other participant the message reaches and who has not muted the conversation: by email
  // only (never on the notifications page; the inbox and the header badge are the portal's side).
  const userId = sql`cp.user_id`;
  const delivery = deliveryColumns('message', userId);
  await tx.execute(sql`
    insert into notifications (user_id, kind, dedupe_key, conversation_id, actor_id, in_portal, email_due_at)
    select cp.user_id, 'message', ${`message:${message!.id}`}, ${conversationId}::uuid, ${viewer.id}::uuid, false, ${delivery.emailDueAt}
    from conversation_participants cp
    join direct_messages dm on dm.id = ${message!.id}::uuid
    where cp.conversation_id = ${conversationId}::uuid and cp.user_id <> ${viewer.id}::uuid and cp.left_at is null and not cp.muted
      and ${messageReaches(userId, sql`dm`)}
      and ${delivery.emailDueAt} is not null
    on conflict do nothing`);
  await scheduleNotificationEmails('message', tx);
  // Live delivery (decision 015's bus): the participants' ids and the conversation's only; each stream
  // recounts under messageAccess, and tells an open conversation only what messageAccess lets through (decision 027).
  await tx.execute(sql`select pg_notify('portal_events', json_build_object('k', 'messages', 'c', ${conversationId}::text, 'users',
    (select json_agg(user_id) from conversation_participants where conversation_id = ${conversationId}::uuid and left_at is null))::text)`);
  return { messageId: message!.id, number: counter!.number };
}

/** A one-to-one conversation both people are still in, if there is one. */
async function existingPair(tx: Db | Tx, viewer: Viewer, otherId: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.isGroup, false),
        conversationAccess(viewer),
        sql`exists (select 1 from conversation_participants o where o.conversation_id = "conversations"."id" and o.user_id = ${otherId}::uuid and o.left_at is null)`,
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

async function isNewMember(viewer: Viewer): Promise<boolean> {
  const [row] = await getDb()
    .select({ recent: sql<boolean>`coalesce(${users.decidedAt}, ${users.createdAt}) > now() - make_interval(days => ${NEW_MEMBER_DAYS})` })
    .from(users)
    .where(eq(users.id, viewer.id));
  return row?.recent ?? true;
}

/**
 * Starts a conversation with people the viewer may add (or continues the one-to-one conversation they
 * already have). A blocked member meets "not found", like anyone they may not add: they are not told.
 */
export async function startConversation(viewer: Viewer, input: StartInput, request?: RequestInfo): Promise<{ conversationId: string }> {
  const others = [...new Set(input.recipientIds)].filter((id) => id !== viewer.id);
  if (!others.length) throw new UserError('messages.new.noRecipients', 'recipients');
  if (others.length + 1 > GROUP_MAX) throw new UserError('messages.limits.groupSize', 'recipients', { max: GROUP_MAX });
  const identifying = screenIdentifying(input.body, input.identifyingChecked);
  const content = await cook(input.body);
  const subject = input.subject?.trim() || null;
  await addablePeople(getDb(), viewer, others);
  const existing = others.length === 1 && !subject ? await existingPair(getDb(), viewer, others[0]!) : null;
  if (existing) {
    await sendMessage(
      viewer,
      { conversationId: existing, body: input.body, attachments: input.attachments, identifyingChecked: input.identifyingChecked },
      content,
      request,
    );
    return { conversationId: existing };
  }
  await spend('conversationStart', viewer, 'messages.limits.conversations');
  if (await isNewMember(viewer)) await spend('conversationStartNewMember', viewer, 'messages.limits.newMember');
  await spend('directMessage', viewer, 'messages.limits.messages');
  return getDb().transaction(async (tx) => {
    await addablePeople(tx, viewer, others);
    const [conversation] = await tx
      .insert(conversations)
      .values({ subject, isGroup: others.length > 1, createdBy: viewer.id })
      .returning({ id: conversations.id });
    await tx.insert(conversationParticipants).values([viewer.id, ...others].map((userId) => ({ conversationId: conversation!.id, userId })));
    const { messageId } = await insertMessage(tx, viewer, conversation!.id, content, input.attachments);
    await recordAcknowledged(tx, viewer, identifying, { type: 'message', id: messageId }, request?.ip);
    return { conversationId: conversation!.id };
  });
}

/** Sends a message in a conversation the viewer takes part in. */
export async function sendMessage(
  viewer: Viewer,
  input: { conversationId: string; body: string; attachments?: string[]; identifyingChecked?: boolean },
  cooked?: Cooked,
  request?: RequestInfo,
): Promise<{ messageId: string; number: number }> {
  if (!isUuid(input.conversationId)) throw new NotFoundError('conversation');
  const identifying = screenIdentifying(input.body, input.identifyingChecked);
  const content = cooked ?? (await cook(input.body));
  // Spent outside the transaction (the limiter has its own connection; PGlite has one session).
  await spend('directMessage', viewer, 'messages.limits.messages');
  return getDb().transaction(async (tx) => {
    const [conversation] = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.id, input.conversationId), conversationAccess(viewer)))
      .for('update')
      .limit(1);
    if (!conversation) throw new NotFoundError('conversation');
    const sent = await insertMessage(tx, viewer, conversation.id, content, input.attachments);
    await recordAcknowledged(tx, viewer, identifying, { type: 'message', id: sent.messageId }, request?.ip);
    return sent;
  });
}

/** The viewer's own message, if they may still see it (else NotFoundError). */
async function ownMessage(tx: Tx, viewer: Viewer, messageId: string) {
  if (!isUuid(messageId)) throw new NotFoundError('message');
  const [row] = await tx
    .select({
      id: directMessages.id,
      conversationId: directMessages.conversationId,
      editable: sql<boolean>`(${directMessages.createdAt} > now() - make_interval(mins => ${EDIT_MINUTES}) and ${directMessages.hiddenAt} is null)`,
      deleted: sql<boolean>`(${directMessages.deletedAt} is not null)`,
    })
    .from(directMessages)
    .where(and(eq(directMessages.id, messageId), eq(directMessages.authorId, viewer.id), messageAccess(viewer)))
    .for('update')
    .limit(1);
  if (!row || row.deleted) throw new NotFoundError('message');
  return row;
}

/** Edits one's own message within 15 minutes of writing it. */
export async function editMessage(
  viewer: Viewer,
  input: { messageId: string; body: string; identifyingChecked?: boolean },
  request?: RequestInfo,
): Promise<{ conversationId: string }> {
  const identifying = screenIdentifying(input.body, input.identifyingChecked);
  const content = await cook(input.body);
  return getDb().transaction(async (tx) => {
    const message = await ownMessage(tx, viewer, input.messageId);
    if (!message.editable) throw new UserError('messages.edit.tooLate', undefined, { minutes: EDIT_MINUTES });
    await tx
      .update(directMessages)
      .set({ ...content, editedAt: sql`now()` })
      .where(eq(directMessages.id, message.id));
    await recordAcknowledged(tx, viewer, identifying, { type: 'message', id: message.id }, request?.ip);
    return { conversationId: message.conversationId };
  });
}

/** Removes one's own message: it stays in its place as "message removed"; its files are deleted. */
export async function deleteMessage(viewer: Viewer, messageId: string): Promise<{ conversationId: string }> {
  const { conversationId, keys } = await getDb().transaction(async (tx) => {
    const message = await ownMessage(tx, viewer, messageId);
    await tx
      .update(directMessages)
      .set({ deletedAt: sql`now()` })
      .where(eq(directMessages.id, message.id));
    return { conversationId: message.conversationId, keys: await detachAndDeleteFiles(tx, message.id) };
  });
  await dropBytes(keys);
  return { conversationId };
}
