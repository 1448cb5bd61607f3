import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { notifications } from '@/db/schema';
import { createThread } from '@/lib/dal/discussions/posts-write';
import { setSpaceArchived } from '@/lib/dal/discussions/spaces-admin';
import { clearUrgent, getThread, setUrgent } from '@/lib/dal/discussions/threads';
import { runDueJobs } from '@/lib/jobs';
import '@/lib/dal/discussions/jobs';
import '@/lib/dal/notifications/jobs';
import { addMember, createSpace, request, withoutPostingLimits } from '@/testing/discussions';
import { signedIn } from '@/testing/factories';
import { markThreadNotificationsRead } from './notifications';
import { alertedCount, listUnopenedUrgentThreads } from './urgent';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

type V = Awaited<ReturnType<typeof signedIn>>;
let author: V, insider: V, outsider: V, moderator: V, admin: V;
let threadId: string, space: string;

beforeAll(async () => {
  withoutPostingLimits();
  author = await signedIn();
  insider = await signedIn();
  outsider = await signedIn();
  moderator = await signedIn({ role: 'moderator' });
  admin = await signedIn({ role: 'admin' });
  space = (await createSpace({ access: 'request', name: 'Response cell' })).id;
  await addMember(space, author.id);
  await addMember(space, insider.id);
  threadId = (await createThread(author, { spaceId: space, title: 'Takedown now', body: 'x', urgent: true, urgentReason: 'Live stream' }, request))
    .threadId;
  await runDueJobs(50);
});

describe('urgent alerts in the portal', () => {
  it('show a banner to the members who see the space until they open the thread; never to others', async () => {
    expect((await listUnopenedUrgentThreads(insider)).map((t) => t.id)).toEqual([threadId]);
    expect((await listUnopenedUrgentThreads(moderator)).map((t) => t.id)).toEqual([threadId]);
    expect(await listUnopenedUrgentThreads(outsider)).toEqual([]);
    expect(await listUnopenedUrgentThreads(author)).toEqual([]);
    await markThreadNotificationsRead(insider, threadId);
    expect(await listUnopenedUrgentThreads(insider)).toEqual([]);
  });

  it('tell the author and moderators how many members were alerted, and nobody else', async () => {
    const thread = await getThread(author, threadId);
    // Alerted: the insider, the moderator and the admin (they see every space); not the author or the outsider.
    const expected = 3;
    expect(await alertedCount(author, thread)).toBe(expected);
    expect(await alertedCount(moderator, thread)).toBe(await alertedCount(author, thread));
    expect(await alertedCount(insider, thread)).toBeNull();
    expect(await alertedCount(author, { ...thread, isUrgent: false })).toBeNull();
  });

  it('re-flagging a thread urgent does not notify the space again within 24 h', async () => {
    const alertsOf = async (who: V) =>
      getDb().$count(notifications, and(eq(notifications.userId, who.id), eq(notifications.threadId, threadId), eq(notifications.kind, 'urgent')));
    expect(await alertsOf(insider)).toBe(1);
    await clearUrgent(moderator, threadId, request);
    await setUrgent(author, threadId, 'Still live', request);
    await runDueJobs(50);
    expect(await alertsOf(insider)).toBe(1);
    // The author still sees how many members the standing alert reached.
    expect(await alertedCount(author, await getThread(author, threadId))).toBe(3);

    // A day later, a new flagging alerts the space again.
    await getDb()
      .update(notifications)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(notifications.threadId, threadId));
    await setUrgent(moderator, threadId, 'Live again', request);
    await runDueJobs(50);
    expect(await alertsOf(insider)).toBe(2);
  });

  it('archived spaces never notify', async () => {
    const quiet = (await createThread(author, { spaceId: space, title: 'Before archiving', body: 'x', urgent: true, urgentReason: 'Now' }, request))
      .threadId;
    await setSpaceArchived(admin, space, true, request);
    await runDueJobs(50);
    expect(await getDb().$count(notifications, eq(notifications.threadId, quiet))).toBe(0);
    await setSpaceArchived(admin, space, false, request);
  });
});
