import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { notifications, posts } from '@/db/schema';
import { signedIn } from '@/testing/factories';
import { addMember, createSpace, request, withoutPostingLimits } from '@/testing/discussions';
import { runDueJobs } from '@/lib/jobs';
import '@/lib/dal/discussions/jobs';
import { mentionMarkdown } from '@/lib/dal/discussions/mentions';
import { NotFoundError, UserError } from '@/lib/errors';
import { listNotifications, unreadNotificationCount } from '@/lib/dal/notifications/notifications';
import { listPosts, mentionCandidates } from './posts';
import { createReply, createThread } from './posts-write';
import { searchDiscussions } from './search';
import { getSpaceBySlug, listSpaces } from './spaces';
import { getThread, listThreads, listUrgentThreads } from './threads';
import { setThreadLocked } from './moderation';

type V = Awaited<ReturnType<typeof signedIn>>;
let gov: V, gov2: V, civil: V, company: V, focal: V, moderator: V, admin: V, inside: V;
let open: Awaited<ReturnType<typeof createSpace>>;
let govSpace: typeof open;
let request_: typeof open;

beforeAll(async () => {
  withoutPostingLimits();
  gov = await signedIn({ sector: 'government' });
  gov2 = await signedIn({ sector: 'government' });
  civil = await signedIn({ sector: 'civil_society' });
  company = await signedIn({ sector: 'private_sector' });
  focal = await signedIn({ sector: 'private_sector', isFocalPoint: true });
  moderator = await signedIn({ role: 'moderator', sector: 'intergovernmental' });
  admin = await signedIn({ role: 'admin', sector: 'intergovernmental' });
  inside = await signedIn({ sector: 'civil_society' });
  open = await createSpace({ name: 'Open room' });
  govSpace = await createSpace({ name: 'Government room', access: 'sector', sectors: ['government'] });
  request_ = await createSpace({ name: 'Working group', access: 'request' });
  await addMember(request_.id, inside.id);
});

const thread = async (author: V, spaceId: string, title: string, body = `Body of ${title} with marker`) =>
  (await createThread(author, { spaceId, title, body, urgent: true, urgentReason: 'Needs attention today' }, request)).threadId;

describe('the space access rule', () => {
  it('lists open spaces to everyone, sector spaces to their sector, request-only spaces by name to all', async () => {
    const names = async (v: V) => (await listSpaces(v)).map((s) => [s.name, s.canRead]);
    expect(await names(gov)).toEqual(
      expect.arrayContaining([
        ['Open room', true],
        ['Government room', true],
        ['Working group', false],
      ]),
    );
    for (const v of [civil, company, focal]) {
      expect((await names(v)).map((x) => x[0])).not.toContain('Government room');
      expect(await names(v)).toContainEqual(['Working group', false]);
    }
    expect(await names(inside)).toContainEqual(['Working group', true]);
    for (const v of [moderator, admin]) {
      expect(await names(v)).toEqual(
        expect.arrayContaining([
          ['Open room', true],
          ['Government room', true],
          ['Working group', true],
        ]),
      );
    }
    await expect(getSpaceBySlug(civil, govSpace.slug)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getSpaceBySlug(civil, request_.slug)).canRead).toBe(false);
  });

  it('refuses outsiders everything about a sector space and a request-only space, and lets moderators in', async () => {
    const govThread = await thread(gov, govSpace.id, 'Sector zebra planning');
    const wgThread = await thread(inside, request_.id, 'Working group zebra draft');
    await runDueJobs(50);

    for (const [outsider, spaceId, threadId] of [
      [civil, govSpace.id, govThread],
      [company, govSpace.id, govThread],
      [focal, request_.id, wgThread],
      [gov, request_.id, wgThread],
    ] as const) {
      // read: the thread URL is not found
      await expect(getThread(outsider, threadId)).rejects.toBeInstanceOf(NotFoundError);
      // list and count
      expect((await listThreads(outsider, spaceId)).items).toEqual([]);
      expect(await listPosts(outsider, threadId, 1)).toEqual([]);
      expect((await listUrgentThreads(outsider)).map((t) => t.id)).not.toContain(threadId);
      // search
      expect((await searchDiscussions(outsider, { q: 'zebra' })).items.map((r) => r.threadId)).not.toContain(threadId);
      // post
      await expect(createReply(outsider, { threadId, body: 'Let me in' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(createThread(outsider, { spaceId, title: 'Sneaking in', body: 'x', urgent: false }, request)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      // mention type-ahead
      await expect(mentionCandidates(outsider, spaceId, 'Person')).rejects.toBeInstanceOf(NotFoundError);
      // notifications: never of the urgent thread
      const mine = await listNotifications(outsider);
      expect(mine.items.map((n) => n.threadId)).not.toContain(threadId);
    }
    // Nothing was written by the refusals.
    expect(await getDb().select().from(posts).where(eq(posts.body, 'Let me in'))).toEqual([]);

    // Insiders and moderators see them.
    for (const v of [gov2, moderator, admin]) {
      expect((await getThread(v, govThread)).title).toBe('Sector zebra planning');
      expect((await listThreads(v, govSpace.id)).items.map((t) => t.id)).toContain(govThread);
      expect((await searchDiscussions(v, { q: 'zebra' })).items.map((r) => r.threadId)).toContain(govThread);
    }
    for (const v of [inside, moderator, admin]) {
      expect((await getThread(v, wgThread)).title).toBe('Working group zebra draft');
      expect((await listPosts(v, wgThread, 1)).length).toBe(1);
    }
    // The urgent fan-out reached the space's audience only.
    const notified = async (v: V, t: string) => (await listNotifications(v)).items.some((n) => n.threadId === t && n.kind === 'urgent');
    expect(await notified(gov2, govThread)).toBe(true);
    expect(await notified(moderator, govThread)).toBe(true);
    expect(await notified(civil, govThread)).toBe(false);
    expect(await notified(company, govThread)).toBe(false);
    expect(await notified(moderator, wgThread)).toBe(true);
    expect(await notified(gov, wgThread)).toBe(false);
    expect(await unreadNotificationCount(civil)).toBe(0);
  });

  it('does not let people who cannot see a space be mentioned in it', async () => {
    const candidates = (await mentionCandidates(gov, govSpace.id, 'Person')).map((c) => c.id);
    expect(candidates).toContain(gov2.id);
    expect(candidates).toContain(moderator.id);
    expect(candidates).not.toContain(civil.id);
    expect(candidates).not.toContain(gov.id);
    const t = await thread(gov, govSpace.id, 'Mentions check');
    await createReply(gov, { threadId: t, body: `Asking ${mentionMarkdown('Civil', civil.id)} and ${mentionMarkdown('Gov two', gov2.id)}` });
    await runDueJobs(50);
    const mentions = await getDb().select().from(notifications).where(eq(notifications.kind, 'mention'));
    expect(mentions.map((n) => n.userId)).toContain(gov2.id);
    expect(mentions.map((n) => n.userId)).not.toContain(civil.id);
  });

  it('hides notifications about a space the person has lost access to', async () => {
    const member = await signedIn({ sector: 'civil_society' });
    await addMember(request_.id, member.id);
    const t = await thread(inside, request_.id, 'Soon out of reach');
    await runDueJobs(50);
    expect((await listNotifications(member)).items.some((n) => n.threadId === t)).toBe(true);
    const before = await unreadNotificationCount(member);
    await getDb().execute(
      (await import('drizzle-orm')).sql`delete from space_members where user_id = ${member.id}::uuid and space_id = ${request_.id}::uuid`,
    );
    expect((await listNotifications(member)).items.some((n) => n.threadId === t)).toBe(false);
    expect(await unreadNotificationCount(member)).toBeLessThan(before);
  });

  it('refuses replies in a locked thread, except from moderators', async () => {
    const t = await thread(civil, open.id, 'Locked soon');
    await setThreadLocked(moderator, t, true, request);
    await expect(createReply(civil, { threadId: t, body: 'One more thing' })).rejects.toMatchObject({
      messageKey: 'discussions.thread.lockedNotice',
    });
    await expect(createReply(company, { threadId: t, body: 'Me too' })).rejects.toBeInstanceOf(UserError);
    await expect(createReply(moderator, { threadId: t, body: 'Locked: see the newer thread.' })).resolves.toMatchObject({ number: 2 });
  });

  it('refuses new threads and replies in archived spaces', async () => {
    const archived = await createSpace({ archivedAt: new Date() });
    await expect(createThread(civil, { spaceId: archived.id, title: 'Late', body: 'Too late', urgent: false }, request)).rejects.toMatchObject({
      messageKey: 'discussions.space.archivedNotice',
    });
  });
});
