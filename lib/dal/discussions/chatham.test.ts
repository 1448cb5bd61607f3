import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLog, spaces, threads } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { runDueJobs } from '@/lib/jobs';
import '@/lib/dal/discussions/jobs';
import '@/lib/dal/notifications/jobs';
import { listNotifications } from '@/lib/dal/notifications/notifications';
import { sendDueNotificationEmails } from '@/lib/dal/notifications/emails';
import { revealAuthorSchema } from '@/lib/validation/discussions';
import { renderNotificationEmail } from '@/lib/email/notification-email';
import { chathamLabelText } from '@/lib/i18n/chatham-label';
import { createSpace, request, withoutPostingLimits } from '@/testing/discussions';
import { createOrganisation, signedIn } from '@/testing/factories';
import { emailsTo } from '@/testing/accounts';
import { mentionMarkdown } from './mentions';
import { moveThread, revealReportedAuthor } from './moderation';
import { listOpenReports, reportPost } from '@/lib/dal/moderation/reports';
import { updateSpace } from './spaces-admin';
import { getSpaceBySlug } from './spaces';
import { getPostSource, listPosts } from './posts';
import { createReply, createThread } from './posts-write';
import { searchDiscussions } from './search';
import { getThread, listThreads, listUrgentThreads } from './threads';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

type V = Awaited<ReturnType<typeof signedIn>>;
let author: V, replier: V, reader: V, moderator: V, mentioned: V;
let spaceId: string;
const authorOrg = { name: 'Lumen Helpline Network', slug: 'lumen-helpline-network' };
const replierOrg = { name: 'Ministry of Digital Affairs of Ruritania', slug: 'ministry-ruritania' };

/** Everything identifying the author and the replier: none of it may reach another member. */
const identities = () => [
  author.id,
  author.name,
  author.email,
  authorOrg.name,
  authorOrg.slug,
  replier.id,
  replier.name,
  replierOrg.name,
  replierOrg.slug,
];
function expectNoIdentity(value: unknown) {
  const text = JSON.stringify(value);
  for (const secret of identities()) expect(text).not.toContain(secret);
}

beforeAll(async () => {
  withoutPostingLimits();
  const a = await createOrganisation({ ...authorOrg, sector: 'civil_society', country: 'FR' });
  const g = await createOrganisation({ ...replierOrg, sector: 'government', country: 'KE' });
  author = await signedIn({ organisationId: a.id, name: 'Aurélie Chatham-Author' });
  replier = await signedIn({ organisationId: g.id, name: 'Kamau Chatham-Replier' });
  reader = await signedIn();
  moderator = await signedIn({ role: 'moderator' });
  mentioned = await signedIn();
  spaceId = (await createSpace({ name: 'Chatham open coordination' })).id;
});

/** A Chatham House thread by `author` (urgent, so it is listed on /home too) with a reply by `replier`. */
async function chathamThread(title: string) {
  const { threadId } = await createThread(
    author,
    { spaceId, title, body: `Frank words about takedown delays ${title}`, urgent: true, urgentReason: 'Needs answers this week', chathamHouse: true },
    request,
  );
  await createReply(replier, { threadId, body: `A candid reply on takedown delays ${title} ${mentionMarkdown(mentioned.name, mentioned.id)}` });
  return threadId;
}

describe('Chatham House threads', () => {
  it('give other members, and moderators, the sector and region instead of any author field', async () => {
    const threadId = await chathamThread('Vendor escalation paths');
    for (const viewer of [reader, moderator]) {
      const [first, second] = await listPosts(viewer, threadId, 1);
      expectNoIdentity([first, second]);
      expect(first).toMatchObject({ authorId: null, authorName: null, authorOrganisation: null, isOwn: false });
      expect(first!.chathamAuthor).toEqual({ sector: 'civil_society', region: 'europe' });
      expect(second!.chathamAuthor).toEqual({ sector: 'government', region: 'africa' });

      const thread = await getThread(viewer, threadId);
      expectNoIdentity(thread);
      expect(thread).toMatchObject({
        chathamHouse: true,
        authorId: null,
        authorName: null,
        chathamAuthor: { sector: 'civil_society', region: 'europe' },
      });

      const list = await listThreads(viewer, spaceId);
      const item = list.items.find((t) => t.id === threadId)!;
      expect(item).toMatchObject({ chathamHouse: true, authorName: null, lastPosterName: null });
      expectNoIdentity(item);

      expectNoIdentity((await listUrgentThreads(viewer, 20)).find((t) => t.id === threadId));
      const source = await getPostSource(viewer, first!.id);
      expect(source.authorName).toBeNull();
      expectNoIdentity({ ...source, body: '' });
    }
  });

  it('tell the author their own posts are theirs, and nobody else’s', async () => {
    const threadId = await chathamThread('Own posts');
    const [own, other] = await listPosts(author, threadId, 1);
    expect(own).toMatchObject({ isOwn: true, authorId: author.id, authorName: null, chathamAuthor: { sector: 'civil_society', region: 'europe' } });
    expect(other).toMatchObject({ isOwn: false, authorId: null, authorName: null });
    expect(JSON.stringify(other)).not.toContain(replier.name);
    expect((await getThread(author, threadId)).authorId).toBe(author.id);
  });

  it('leave the names on threads outside the rule', async () => {
    const { threadId } = await createThread(author, { spaceId, title: 'Named thread', body: 'Open words', urgent: false }, request);
    const [post] = await listPosts(reader, threadId, 1);
    expect(post).toMatchObject({ authorId: author.id, authorName: author.name, authorOrganisation: authorOrg.name, chathamAuthor: null });
    expect((await getThread(reader, threadId)).chathamHouse).toBe(false);
  });

  it('notify without naming the actor: in the portal and by email', async () => {
    const threadId = await chathamThread('Notified quietly');
    await runDueJobs(50);
    const items = [...(await listNotifications(author)).items, ...(await listNotifications(mentioned)).items].filter((n) => n.threadId === threadId);
    expect(items.map((n) => n.kind).sort()).toEqual(['mention', 'reply', 'urgent']);
    for (const n of items) {
      expect(n).toMatchObject({ actorName: null, actorId: null });
      expectNoIdentity(n);
    }
    expect(items.find((n) => n.kind === 'reply')!.actorChatham).toEqual({ sector: 'government', region: 'africa' });
    expect(items.find((n) => n.kind === 'urgent')!.actorChatham).toEqual({ sector: 'civil_society', region: 'europe' });
    await getDb().execute(sql`update notifications set email_due_at = now() - interval '1 minute' where thread_id = ${threadId}::uuid`);
    await sendDueNotificationEmails();
    const about = (mails: Awaited<ReturnType<typeof emailsTo>>) =>
      mails.filter((m) => m.text.includes(`/threads/${threadId}`)).map((m) => `${m.subject}\n${m.text}\n${m.html}`);
    const toAuthor = about(await emailsTo(author.email));
    const toMentioned = about(await emailsTo(mentioned.email));
    expect(toAuthor.length).toBeGreaterThan(0);
    expect(toMentioned.length).toBeGreaterThan(0);
    // The author's own email carries their own unsubscribe token (their id): only the replier must be absent.
    for (const mail of toAuthor) for (const secret of [replier.id, replier.name, replierOrg.name]) expect(mail).not.toContain(secret);
    for (const mail of toMentioned) expectNoIdentity(mail);
    expect(toAuthor.join('\n')).toContain(`A country government, Africa replied in “Notified quietly”`);
  });

  it('appear in search without their authors, and an author filter never finds them (except for the author)', async () => {
    const threadId = await chathamThread('Searchable xylograph');
    const hits = (await searchDiscussions(reader, { q: 'xylograph' })).items;
    expect(hits.map((h) => h.threadId)).toContain(threadId);
    expectNoIdentity(hits);
    expect(hits.every((h) => h.chathamAuthor !== null)).toBe(true);
    expect((await searchDiscussions(reader, { q: 'xylograph', author: author.id })).items).toHaveLength(0);
    expect((await searchDiscussions(reader, { q: 'xylograph', author: replier.id })).items).toHaveLength(0);
    const mine = (await searchDiscussions(author, { q: 'xylograph', author: author.id })).items;
    expect(mine.map((h) => h.threadId)).toEqual([threadId]);
    expect(mine[0]!.authorId).toBe(author.id);
  });
});

describe('Chatham House emails', () => {
  it('name the label, never an organisation, in every language', () => {
    for (const locale of ['en', 'fr', 'es', 'pt', 'ar']) {
      const label = chathamLabelText(locale, { sector: 'civil_society', region: 'europe' });
      for (const kind of ['reply', 'mention', 'urgent', 'new_thread'] as const) {
        const open = { title: 'A title', space: 'A space', organisation: '', excerpt: null, chatham: label };
        const email = renderNotificationEmail({
          locale,
          timeZone: 'UTC',
          kind,
          count: 2,
          at: new Date(),
          open,
          link: 'l',
          preferencesLink: 'p',
          unsubscribeLink: 'u',
        });
        expect(email.text).toContain(label);
      }
    }
    expect(chathamLabelText('fr', { sector: 'government', region: 'africa' })).toBe('Un gouvernement, Afrique');
  });
});

describe('Chatham House spaces', () => {
  it('put every new thread under the rule, which stays if the space’s flag is cleared', async () => {
    const space = await createSpace({ name: 'Chatham reference group', chathamHouse: true });
    const { threadId } = await createThread(author, { spaceId: space.id, title: 'Under the space rule', body: 'Words', urgent: false }, request);
    const [row] = await getDb().select({ chathamHouse: threads.chathamHouse }).from(threads).where(eq(threads.id, threadId));
    expect(row!.chathamHouse).toBe(true);
    await getDb().update(spaces).set({ chathamHouse: false }).where(eq(spaces.id, space.id));
    const [post] = await listPosts(reader, threadId, 1);
    expect(post).toMatchObject({ authorId: null, authorName: null });
  });

  it('also cover threads started before the space took the rule, while it has it', async () => {
    const space = await createSpace({ name: 'Later Chatham group' });
    const { threadId } = await createThread(author, { spaceId: space.id, title: 'Before the rule', body: 'Words', urgent: false }, request);
    await getDb().update(spaces).set({ chathamHouse: true }).where(eq(spaces.id, space.id));
    expectNoIdentity(await listPosts(reader, threadId, 1));
  });

  it('are set by admins, and the threads there keep the rule once the flag is cleared or the thread moves', async () => {
    const admin = await signedIn({ role: 'admin' });
    const space = await createSpace({ name: 'Admin flagged group' });
    const other = await createSpace({ name: 'Plain destination' });
    const { threadId } = await createThread(author, { spaceId: space.id, title: 'Written before the flag', body: 'Words', urgent: false }, request);
    const input = { spaceId: space.id, name: space.name, description: '', access: 'open' as const, sectors: [], position: 0 };
    await updateSpace(admin, { ...input, chathamHouse: true }, request);
    expect((await getSpaceBySlug(reader, space.slug)).chathamHouse).toBe(true);
    await updateSpace(admin, { ...input, chathamHouse: false }, request);
    expect((await getSpaceBySlug(reader, space.slug)).chathamHouse).toBe(false);
    expectNoIdentity(await listPosts(reader, threadId, 1));

    const moved = await createSpace({ name: 'Chatham group to move from', chathamHouse: true });
    const { threadId: movedId } = await createThread(author, { spaceId: moved.id, title: 'Moved out', body: 'Words', urgent: false }, request);
    await getDb().update(threads).set({ chathamHouse: false }).where(eq(threads.id, movedId)); // as if started before the flag
    await moveThread(moderator, movedId, other.id, request);
    expectNoIdentity(await listPosts(reader, movedId, 1));
    await expect(updateSpace(reader, { ...input, chathamHouse: true }, request)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('revealing a Chatham House author', () => {
  it('needs a moderator, an open report on a Chatham House post and a reason, and is audited', async () => {
    const threadId = await chathamThread('Reported under the rule');
    const [first] = await listPosts(reader, threadId, 1);
    await reportPost(reader, first!.id, 'Shares details of a case', request);
    const report = (await listOpenReports(moderator)).items.find((r) => r.postId === first!.id)!;
    expect(report.authorName).toBeNull();
    expect(report.chathamAuthor).toEqual({ sector: 'civil_society', region: 'europe' });
    expectNoIdentity({ ...report, reporterName: '' });

    expect(revealAuthorSchema.safeParse({ reportId: report.id, reason: '' }).success).toBe(false);
    expect(revealAuthorSchema.safeParse({ reportId: report.id }).success).toBe(false);
    await expect(revealReportedAuthor(reader, report.id, 'Curious', request)).rejects.toBeInstanceOf(NotFoundError);
    // A post without a report (the reply) cannot be revealed: only report ids are taken, and a post id is none.
    const [, reply] = await listPosts(moderator, threadId, 1);
    await expect(revealReportedAuthor(moderator, reply!.id, 'Curious', request)).rejects.toBeInstanceOf(NotFoundError);

    const revealed = await revealReportedAuthor(moderator, report.id, 'Possible identifying details of a case', request);
    expect(revealed).toEqual({ name: author.name, organisation: authorOrg.name });
    const rows = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'post.author_revealed'), eq(auditLog.targetId, first!.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorId).toBe(moderator.id);
    expect(rows[0]!.details).toMatchObject({ reportId: report.id, reason: 'Possible identifying details of a case' });

    // The reveal changed nothing for anyone else: the post still shows the label.
    expectNoIdentity(await listPosts(moderator, threadId, 1));
  });

  it('is refused for a report on a post outside the rule', async () => {
    const { threadId } = await createThread(author, { spaceId, title: 'Plain reported thread', body: 'Plain words', urgent: false }, request);
    const [post] = await listPosts(reader, threadId, 1);
    await reportPost(reader, post!.id, 'Advertising', request);
    const report = (await listOpenReports(moderator)).items.find((r) => r.postId === post!.id)!;
    await expect(revealReportedAuthor(moderator, report.id, 'No need', request)).rejects.toBeInstanceOf(NotFoundError);
  });
});
