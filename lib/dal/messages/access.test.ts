import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { NotFoundError, UserError } from '@/lib/errors';
import { listNotifications, unreadNotificationCount } from '@/lib/dal/notifications/notifications';
import { sendDueNotificationEmails } from '@/lib/dal/notifications/emails';
import { emailsTo } from '@/testing/accounts';
import { request } from '@/testing/discussions';
import { signedIn } from '@/testing/factories';
import { mentionMarkdown } from '@/lib/dal/discussions/mentions';
import { getConversation, listInbox, listMessages, unreadConversationCount } from './conversations';
import { addableById, messageCandidates } from './people';
import { addParticipants, blockMember, leaveConversation, markConversationRead, setConversationMuted } from './manage';
import { searchMessages } from './search';
import { deleteMessage, editMessage, sendMessage, startConversation } from './write';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

type V = Awaited<ReturnType<typeof signedIn>>;
let gov: V, civil: V, company: V, outsider: V, moderator: V, admin: V, unlisted: V;

beforeAll(async () => {
  gov = await signedIn({ sector: 'government' });
  civil = await signedIn({ sector: 'civil_society' });
  company = await signedIn({ sector: 'private_sector' });
  outsider = await signedIn({ sector: 'civil_society' });
  moderator = await signedIn({ role: 'moderator', sector: 'intergovernmental' });
  admin = await signedIn({ role: 'admin', sector: 'intergovernmental' });
  unlisted = await signedIn({ sector: 'civil_society', listed: false });
});

const bodies = async (v: V, id: string) => (await listMessages(v, id)).items.map((m) => m.cooked?.replace(/<[^>]+>/g, '').trim() ?? null);

describe('the participants-only rule', () => {
  let id: string;
  beforeAll(async () => {
    id = (await startConversation(gov, { recipientIds: [civil.id], body: 'The **financière** report is ready' })).conversationId;
  });

  it('shows the conversation, its unread count and search hits to its participants', async () => {
    expect((await getConversation(civil, id))?.participants.map((p) => p.id).sort()).toEqual([gov.id, civil.id].sort());
    expect(await bodies(civil, id)).toEqual(['The financière report is ready']);
    expect(await unreadConversationCount(civil)).toBe(1);
    expect(await unreadConversationCount(gov)).toBe(0);
    expect((await listInbox(civil)).items[0]).toMatchObject({ id, unread: 1 });
    expect((await searchMessages(civil, 'financiere')).items.map((h) => h.conversationId)).toEqual([id]);
    await markConversationRead(civil, id);
    expect(await unreadConversationCount(civil)).toBe(0);
  });

  it('gives a non-participant member, a moderator and an admin nothing: not found, no search hit, no notification', async () => {
    for (const v of [outsider, moderator, admin]) {
      expect(await getConversation(v, id)).toBeNull();
      expect((await listMessages(v, id)).items).toEqual([]);
      expect((await searchMessages(v, 'financiere')).items).toEqual([]);
      expect((await listInbox(v)).items).toEqual([]);
      expect(await unreadConversationCount(v)).toBe(0);
      expect((await listNotifications(v)).items).toEqual([]);
      expect(await unreadNotificationCount(v)).toBe(0);
      await expect(sendMessage(v, { conversationId: id, body: 'let me in' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(setConversationMuted(v, id, true)).rejects.toBeInstanceOf(NotFoundError);
    }
    // The recipient's notification is for the mailer only: nothing on their notifications page either.
    expect((await listNotifications(civil)).items).toEqual([]);
  });

  it('continues the one-to-one conversation instead of starting another', async () => {
    const again = await startConversation(civil, { recipientIds: [gov.id], body: 'Thank you' });
    expect(again.conversationId).toBe(id);
  });

  it('emails who wrote and a link, never the message', async () => {
    await getDb().execute(sql`update notifications set email_due_at = now() - interval '1 minute' where kind = 'message' and emailed_at is null`);
    await sendDueNotificationEmails();
    // civil read gov's message in the portal (no email); gov has not read civil's answer.
    expect((await emailsTo(civil.email)).filter((m) => m.template === 'notification.message')).toEqual([]);
    const [mail] = (await emailsTo(gov.email)).filter((m) => m.template === 'notification.message');
    expect(mail!.text).toContain(civil.name);
    expect(mail!.text).toContain(`/messages/${id}`);
    expect(`${mail!.subject}${mail!.text}${mail!.html}`).not.toContain('Thank');
  });

  it('edits within 15 minutes, then refuses; a removed message stays as removed', async () => {
    const { messageId } = await sendMessage(gov, { conversationId: id, body: 'A typo' });
    await editMessage(gov, { messageId, body: 'No typo' });
    expect(await bodies(civil, id)).toContain('No typo');
    await expect(editMessage(civil, { messageId, body: 'Not mine' })).rejects.toBeInstanceOf(NotFoundError);
    // Twenty minutes later (the participants joined before).
    await getDb().execute(sql`update conversation_participants set joined_at = joined_at - interval '1 hour' where conversation_id = ${id}::uuid`);
    await getDb().execute(sql`update direct_messages set created_at = created_at - interval '20 minutes' where id = ${messageId}::uuid`);
    await expect(editMessage(gov, { messageId, body: 'Too late' })).rejects.toBeInstanceOf(UserError);
    await deleteMessage(gov, messageId);
    const removed = (await listMessages(civil, id)).items.find((m) => m.id === messageId);
    expect(removed).toMatchObject({ deleted: true, cooked: null });
  });
});

describe('blocks', () => {
  it('a blocked member cannot start a conversation or add the blocker, and their messages stop reaching them', async () => {
    const { conversationId } = await startConversation(company, { recipientIds: [outsider.id], body: 'Before the block' });
    await blockMember(outsider, company.id, request);
    // The same field error as for anyone they may not write to (an unlisted member, below): the block is not revealed.
    await expect(startConversation(company, { recipientIds: [outsider.id], subject: 'New', body: 'Hello again' })).rejects.toMatchObject({
      messageKey: 'messages.new.cannotWrite',
      field: 'recipients',
    });
    const group = await startConversation(company, { recipientIds: [gov.id, civil.id], body: 'A group' });
    await expect(addParticipants(company, group.conversationId, [outsider.id])).rejects.toMatchObject({
      messageKey: 'messages.new.cannotWrite',
      field: 'people',
    });
    expect(await addableById(company, [outsider.id])).toEqual([]);
    expect((await messageCandidates(company, outsider.name)).map((c) => c.id)).not.toContain(outsider.id);
    // The blocked member is not told: sending still works for them, it just no longer reaches the blocker.
    await sendMessage(company, { conversationId, body: 'After the block' });
    expect(await bodies(outsider, conversationId)).toEqual(['Before the block']);
    expect(await bodies(company, conversationId)).toEqual(['Before the block', 'After the block']);
  });
});

describe('groups', () => {
  it('people added see the history from when they joined; those who leave see nothing more', async () => {
    const { conversationId } = await startConversation(gov, { recipientIds: [civil.id, company.id], subject: 'Planning', body: 'Before you came' });
    await addParticipants(gov, conversationId, [outsider.id]);
    const joined = await getConversation(outsider, conversationId);
    expect(joined).not.toBeNull();
    expect(await bodies(outsider, conversationId)).toEqual([]);
    expect((await searchMessages(outsider, 'came')).items).toEqual([]);
    await sendMessage(civil, { conversationId, body: 'Welcome' });
    expect(await bodies(outsider, conversationId)).toEqual(['Welcome']);
    await leaveConversation(company, conversationId);
    expect(await getConversation(company, conversationId)).toBeNull();
  });

  it('an unlisted member cannot be found or written to, but may write and reply', async () => {
    expect(await messageCandidates(gov, unlisted.name)).toEqual([]);
    await expect(startConversation(gov, { recipientIds: [unlisted.id], body: 'Hello' })).rejects.toMatchObject({
      messageKey: 'messages.new.cannotWrite',
      field: 'recipients',
    });
    const { conversationId } = await startConversation(unlisted, { recipientIds: [gov.id], body: 'I wrote first' });
    await sendMessage(gov, { conversationId, body: 'Answer' });
    await sendMessage(unlisted, { conversationId, body: 'Reply' });
    expect(await bodies(gov, conversationId)).toEqual(['I wrote first', 'Answer', 'Reply']);
  });

  it('groups hold at most 20 people', async () => {
    const many = await Promise.all(Array.from({ length: 20 }, () => signedIn()));
    await expect(startConversation(admin, { recipientIds: many.map((m) => m.id), body: 'Too many' })).rejects.toBeInstanceOf(UserError);
  });
});

describe('mentions in messages', () => {
  it('show the mentioned person’s current name when read (decision 022), as posts do', async () => {
    const body = `Ask ${mentionMarkdown('Old typed name', civil.id)} and ${mentionMarkdown('Someone', unlisted.id)}`;
    const { conversationId } = await startConversation(gov, { recipientIds: [company.id], body });
    const [message] = (await listMessages(company, conversationId)).items;
    expect(message!.cooked).toContain(`>@${civil.name.replaceAll('&', '&amp;')}</a>`);
    expect(message!.cooked).not.toContain('Old typed name');
    // Someone the reader may not see keeps the text as typed.
    expect(message!.cooked).toContain('>@Someone</a>');
  });
});
