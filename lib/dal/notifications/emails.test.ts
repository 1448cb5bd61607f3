import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLog, notifications } from '@/db/schema';
import { createReply, createThread } from '@/lib/dal/discussions/posts-write';
import { followSpace } from '@/lib/dal/discussions/spaces';
import { followThread } from '@/lib/dal/discussions/threads';
import { runDueJobs } from '@/lib/jobs';
import '@/lib/dal/discussions/jobs';
import '@/lib/dal/notifications/jobs';
import { addMember, createSpace, request, withoutPostingLimits } from '@/testing/discussions';
import { createOrganisation, signedIn } from '@/testing/factories';
import { emailsTo } from '@/testing/accounts';
import { listNotifications, markThreadNotificationsRead } from './notifications';
import { sendDueNotificationEmails } from './emails';
import { getNotificationPreferences, setSpaceMode, updateNotificationPreferences } from './preferences';
import { readUnsubscribeToken, unsubscribeToken, unsubscribeWithToken } from './unsubscribe';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

type V = Awaited<ReturnType<typeof signedIn>>;
let author: V, reader: V, other: V;
let openSpace: string, restrictedSpace: string;

/** Moves the clock of pending notification emails forward: everything written so far is `minutes` older. */
async function elapse(minutes: number) {
  await getDb().execute(sql`update notifications set email_due_at = email_due_at - make_interval(mins => ${minutes}),
    emailed_at = emailed_at - make_interval(mins => ${minutes}), created_at = created_at - make_interval(mins => ${minutes})`);
}

/** Posts fan out (the jobs), then the mailer runs. */
async function settle() {
  await runDueJobs(50);
  await sendDueNotificationEmails();
}

const mails = async (v: V) => (await emailsTo(v.email)).filter((m) => m.template.startsWith('notification.'));

beforeAll(async () => {
  withoutPostingLimits();
  const org = await createOrganisation({ name: 'Hotline Alliance' });
  author = await signedIn({ organisationId: org.id });
  reader = await signedIn();
  other = await signedIn({ locale: 'fr', timeZone: 'Europe/Paris' });
  openSpace = (await createSpace({ name: 'Open coordination' })).id;
  restrictedSpace = (await createSpace({ access: 'request', name: 'Secret working group' })).id;
  for (const v of [author, reader, other]) await addMember(restrictedSpace, v.id);
});

beforeEach(async () => {
  // Each case starts with nothing pending.
  await getDb().execute(sql`update notifications set email_due_at = null where emailed_at is null`);
});

async function followedThread(spaceId: string, title: string, body = 'The first post.') {
  const { threadId } = await createThread(author, { spaceId, title, body, urgent: false }, request);
  await followThread(reader, threadId, true);
  return threadId;
}

describe('notification emails', () => {
  it('wait for the delay, then one email gathers several replies on one thread, with title, space, organisation and mail headers', async () => {
    const threadId = await followedThread(openSpace, 'Cross-border referrals');
    for (const body of ['First reply', 'Second reply', 'Third reply']) await createReply(author, { threadId, body });
    await settle();
    expect(await mails(reader)).toHaveLength(0);

    await elapse(11);
    await sendDueNotificationEmails();
    const sent = await mails(reader);
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail!.subject).toBe('3 new replies: Cross-border referrals');
    expect(mail!.text).toContain('Open coordination');
    expect(mail!.text).toContain('Hotline Alliance');
    expect(mail!.text).toContain('you follow this thread');
    expect(mail!.text).toContain(`/threads/${threadId}`);
    expect(mail!.text).toContain('/settings/notifications');
    expect(mail!.text).not.toContain('Third reply'); // no excerpt unless asked for
    expect(mail!.html).toContain('<html lang="en" dir="ltr">');
    const headers = mail!.headers!;
    expect(headers['In-Reply-To']).toMatch(new RegExp(`^<thread\\.${threadId}@`));
    expect(headers['Message-ID']).toMatch(/^<notification\.[0-9a-f-]+@/);
    expect(headers['List-Unsubscribe']).toMatch(/^<http.*\/api\/unsubscribe\?token=/);
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    // Nothing more to send: the thread's notifications are marked emailed.
    await elapse(11);
    expect(await sendDueNotificationEmails()).toBe(0);
  });

  it('is skipped when the member has seen the thread in the portal meanwhile', async () => {
    const threadId = await followedThread(openSpace, 'Seen already');
    await createReply(author, { threadId, body: 'A reply they will read' });
    await settle();
    await markThreadNotificationsRead(reader, threadId);
    await elapse(11);
    await sendDueNotificationEmails();
    expect((await mails(reader)).filter((m) => m.subject.includes('Seen already'))).toHaveLength(0);
  });

  it('sends at most one email per thread per delay window', async () => {
    const threadId = await followedThread(openSpace, 'Busy thread');
    await createReply(author, { threadId, body: 'One' });
    await settle();
    await elapse(11);
    await sendDueNotificationEmails();
    // A reply just after the email: even when its own delay is over, it waits for the window to pass.
    await getDb().execute(sql`update notifications set emailed_at = now() where emailed_at is not null and thread_id = ${threadId}::uuid`);
    await createReply(author, { threadId, body: 'Two' });
    await runDueJobs(50);
    await getDb().execute(
      sql`update notifications set email_due_at = now() - interval '1 second' where emailed_at is null and email_due_at is not null`,
    );
    await sendDueNotificationEmails();
    const busy = async () => (await mails(reader)).filter((m) => m.subject.includes('Busy thread'));
    expect(await busy()).toHaveLength(1);
    const [pending] = await getDb()
      .select({ due: notifications.emailDueAt })
      .from(notifications)
      .where(and(eq(notifications.userId, reader.id), eq(notifications.threadId, threadId), sql`emailed_at is null`));
    expect(pending!.due!.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    await elapse(11);
    await sendDueNotificationEmails();
    expect(await busy()).toHaveLength(2);
  });

  it('about a restricted space, carries neither title nor body nor space name', async () => {
    const threadId = await followedThread(restrictedSpace, 'Confidential takedown list', 'Body from the restricted space');
    await createReply(author, { threadId, body: 'Restricted reply body' });
    await updateNotificationPreferences(reader, { ...(await getNotificationPreferences(reader)), excerpts: true }, request);
    await settle();
    await elapse(11);
    await sendDueNotificationEmails();
    const [mail] = (await mails(reader)).filter((m) => m.text.includes(threadId));
    expect(mail!.subject).toBe('A new reply in a restricted space');
    for (const part of [mail!.subject, mail!.text, mail!.html]) {
      expect(part).not.toContain('Confidential');
      expect(part).not.toContain('Restricted reply body');
      expect(part).not.toContain('Secret working group');
      expect(part).not.toContain('Hotline Alliance');
    }
    expect(mail!.text).toContain('a thread you follow in a restricted space');
    await updateNotificationPreferences(reader, { ...(await getNotificationPreferences(reader)), excerpts: false }, request);
  });

  it('carries a short excerpt from an open space only when the member asked for it', async () => {
    await updateNotificationPreferences(reader, { ...(await getNotificationPreferences(reader)), excerpts: true }, request);
    const threadId = await followedThread(openSpace, 'With excerpt');
    await createReply(author, { threadId, body: 'The **excerpt** they asked for' });
    await settle();
    await elapse(11);
    await sendDueNotificationEmails();
    const [mail] = (await mails(reader)).filter((m) => m.subject.includes('With excerpt'));
    expect(mail!.text).toContain('> The excerpt they asked for');
    await updateNotificationPreferences(reader, { ...(await getNotificationPreferences(reader)), excerpts: false }, request);
  });

  it('sends urgent alerts at once to everyone who sees the space, in their own language', async () => {
    const { threadId } = await createThread(
      author,
      { spaceId: openSpace, title: 'Live incident', body: 'Now.', urgent: true, urgentReason: 'Today' },
      request,
    );
    await settle();
    const [english] = (await mails(reader)).filter((m) => m.text.includes(threadId));
    expect(english!.subject).toBe('Urgent: Live incident');
    const [french] = (await mails(other)).filter((m) => m.text.includes(threadId));
    expect(french!.subject).toContain('Live incident');
    expect(french!.subject).not.toBe('Urgent: Live incident');
    expect(french!.html).toContain('<html lang="fr" dir="ltr">');
    expect((await mails(author)).filter((m) => m.text.includes(threadId))).toHaveLength(0);
  });

  it('sends nothing while emails are paused, or to a member who no longer sees the space', async () => {
    const threadId = await followedThread(restrictedSpace, 'Paused or gone');
    await followThread(other, threadId, true);
    await updateNotificationPreferences(
      reader,
      { ...(await getNotificationPreferences(reader)), pausedUntilDay: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10) },
      request,
    );
    await createReply(author, { threadId, body: 'While paused' });
    await settle();
    await getDb().execute(sql`delete from space_members where user_id = ${other.id}::uuid and space_id = ${restrictedSpace}::uuid`);
    await elapse(11);
    await sendDueNotificationEmails();
    expect((await mails(reader)).filter((m) => m.text.includes(threadId))).toHaveLength(0);
    expect((await mails(other)).filter((m) => m.text.includes(threadId))).toHaveLength(0);
    await updateNotificationPreferences(reader, { ...(await getNotificationPreferences(reader)), pausedUntilDay: null }, request);
    await addMember(restrictedSpace, other.id);
  });

  it('follows the space modes: new threads by email when asked, a digest-only space sends none, a muted space nothing', async () => {
    const space = (await createSpace({ name: 'Modes' })).id;
    await followSpace(reader, space, true);
    await followSpace(other, space, true);
    await setSpaceMode(other, space, 'muted');
    const first = await createThread(author, { spaceId: space, title: 'Weekly only', body: 'x', urgent: false }, request);
    await settle();
    await elapse(11);
    await sendDueNotificationEmails();
    expect((await mails(reader)).filter((m) => m.text.includes(first.threadId))).toHaveLength(0);
    expect((await listNotifications(reader)).items.some((n) => n.threadId === first.threadId)).toBe(true);
    expect((await listNotifications(other)).items.some((n) => n.threadId === first.threadId)).toBe(false);

    await setSpaceMode(reader, space, 'new_threads');
    const second = await createThread(author, { spaceId: space, title: 'Now by email', body: 'x', urgent: false }, request);
    await settle();
    await elapse(11);
    await sendDueNotificationEmails();
    const [mail] = (await mails(reader)).filter((m) => m.text.includes(second.threadId));
    expect(mail!.subject).toBe('New thread in Modes: Now by email');
    expect(mail!.text).toContain('you follow this space');
  });
});

describe('unsubscribe tokens', () => {
  it('turn one kind’s emails off in one click without signing in, and a forged or altered token changes nothing', async () => {
    const token = unsubscribeToken(reader.id, 'reply');
    expect(readUnsubscribeToken(token)).toEqual({ userId: reader.id, kind: 'reply' });
    expect(readUnsubscribeToken(token.replace('.reply.', '.mention.'))).toBeNull();
    expect(readUnsubscribeToken(unsubscribeToken(reader.id, 'reply').replace(reader.id, other.id))).toBeNull();
    expect(readUnsubscribeToken(`${reader.id}.reply.${'A'.repeat(43)}`)).toBeNull();
    expect(await unsubscribeWithToken('nonsense', request)).toBeNull();
    expect((await getNotificationPreferences(reader)).channels.reply).toBe('both');

    expect(await unsubscribeWithToken(token, request)).toEqual({ kind: 'reply' });
    expect((await getNotificationPreferences(reader)).channels.reply).toBe('portal');
    const [row] = await getDb().select().from(auditLog).where(eq(auditLog.action, 'notifications.unsubscribed'));
    expect(row).toMatchObject({ actorId: reader.id, targetId: reader.id });

    const threadId = await followedThread(openSpace, 'After unsubscribing');
    await createReply(author, { threadId, body: 'Still in the portal' });
    await settle();
    await elapse(11);
    await sendDueNotificationEmails();
    expect((await mails(reader)).filter((m) => m.subject.includes('After unsubscribing'))).toHaveLength(0);
    expect((await listNotifications(reader)).items.some((n) => n.threadId === threadId)).toBe(true);
  });
});
