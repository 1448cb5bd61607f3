import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { NotFoundError, UserError } from '@/lib/errors';
import { auditRowsOf } from '@/testing/audit';
import { request } from '@/testing/discussions';
import { signedIn } from '@/testing/factories';
import { getConversation, listMessages } from './conversations';
import { listOpenMessageReports, reportMessage, resolveMessageReport, setMessageHidden } from './reports';
import { sendMessage, startConversation } from './write';

type V = Awaited<ReturnType<typeof signedIn>>;
let a: V, b: V, c: V, outsider: V, moderator: V, admin: V;
let conversationId: string;
const ids: string[] = [];

beforeAll(async () => {
  [a, b, c, outsider] = await Promise.all([signedIn(), signedIn(), signedIn(), signedIn()]);
  moderator = await signedIn({ role: 'moderator' });
  admin = await signedIn({ role: 'admin' });
  conversationId = (await startConversation(a, { recipientIds: [b.id, c.id], subject: 'Secret subject', body: 'Message 1' })).conversationId;
  for (let n = 2; n <= 9; n++) ids.push((await sendMessage(n % 2 ? a : b, { conversationId, body: `Message ${n}` })).messageId);
});

describe('reporting a message', () => {
  it('only a participant can report, once', async () => {
    await expect(reportMessage(outsider, ids[6]!, 'Abusive', request)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reportMessage(moderator, ids[6]!, 'Abusive', request)).rejects.toBeInstanceOf(NotFoundError);
    await reportMessage(c, ids[6]!, 'Abusive', request);
    await expect(reportMessage(c, ids[6]!, 'Again', request)).rejects.toBeInstanceOf(UserError);
    expect(await auditRowsOf('message.reported', { actorId: c.id })).toHaveLength(1);
  });

  it('shows moderators the reported message and the five before it, nothing more', async () => {
    for (const v of [moderator, admin]) {
      const [report] = (await listOpenMessageReports(v)).items;
      expect(report!.excerpt.map((m) => m.cooked?.replace(/<[^>]+>/g, '').trim())).toEqual([
        'Message 3',
        'Message 4',
        'Message 5',
        'Message 6',
        'Message 7',
        'Message 8',
      ]);
      expect(report!.excerpt.filter((m) => m.reported).map((m) => m.id)).toEqual([ids[6]]);
      expect(JSON.stringify(report)).not.toContain('Secret subject');
      // The conversation itself stays closed to them.
      expect(await getConversation(v, conversationId)).toBeNull();
      expect((await listMessages(v, conversationId)).items).toEqual([]);
    }
    for (const v of [a, outsider]) await expect(listOpenMessageReports(v)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lets moderators hide and restore messages of the excerpt only, audited', async () => {
    await expect(setMessageHidden(moderator, ids[0]!, { reason: 'No' }, request)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setMessageHidden(a, ids[6]!, { reason: 'No' }, request)).rejects.toBeInstanceOf(NotFoundError);
    await setMessageHidden(moderator, ids[6]!, { reason: 'Abusive' }, request);
    expect((await listMessages(b, conversationId)).items.find((m) => m.id === ids[6])).toMatchObject({ hidden: true, cooked: null });
    await setMessageHidden(moderator, ids[6]!, null, request);
    expect(await auditRowsOf('message.hidden', { actorId: moderator.id })).toHaveLength(1);
    expect(await auditRowsOf('message.restored', { actorId: moderator.id })).toHaveLength(1);
  });

  it('once resolved, the excerpt is gone from the queue and from moderators', async () => {
    const [report] = (await listOpenMessageReports(moderator)).items;
    await resolveMessageReport(moderator, report!.id, request);
    expect((await listOpenMessageReports(moderator)).items).toEqual([]);
    await expect(setMessageHidden(moderator, ids[6]!, { reason: 'Late' }, request)).rejects.toBeInstanceOf(NotFoundError);
    expect(await auditRowsOf('message_report.resolved', { actorId: moderator.id })).toHaveLength(1);
  });
});

describe('limits', () => {
  it('a new member starts at most 5 conversations a day, with a clear message', async () => {
    const fresh = await signedIn();
    const people = await Promise.all(Array.from({ length: 6 }, () => signedIn()));
    for (const p of people.slice(0, 5)) await startConversation(fresh, { recipientIds: [p.id], body: 'Hello' });
    await expect(startConversation(fresh, { recipientIds: [people[5]!.id], body: 'Hello' })).rejects.toMatchObject({
      messageKey: 'messages.limits.newMember',
    });
  });

  it('an established member starts at most 20 a day; messages are limited per minute', async () => {
    const old = await signedIn();
    await getDb().execute(sql`update users set created_at = now() - interval '30 days' where id = ${old.id}::uuid`);
    const people = await Promise.all(Array.from({ length: 21 }, () => signedIn()));
    let own = '';
    for (const p of people.slice(0, 20)) own = (await startConversation(old, { recipientIds: [p.id], subject: 'Hi', body: 'Hello' })).conversationId;
    await expect(startConversation(old, { recipientIds: [people[20]!.id], subject: 'Hi', body: 'Hello' })).rejects.toMatchObject({
      messageKey: 'messages.limits.conversations',
    });
    // 20 conversations used 20 messages of the minute already.
    await expect(sendMessage(old, { conversationId: own, body: 'x' })).rejects.toMatchObject({ messageKey: 'messages.limits.messages' });
  });
});
