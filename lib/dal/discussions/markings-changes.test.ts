/** Changing a thread's TLP marking, and moving or moderating a marked thread (decision 030). */
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLog, notifications, threads } from '@/db/schema';
import '@/lib/dal/discussions/jobs';
import '@/lib/dal/notifications/jobs';
import { NotFoundError } from '@/lib/errors';
import { listNotifications } from '@/lib/dal/notifications/notifications';
import { addMember, createSpace, request } from '@/testing/discussions';
import { signedIn } from '@/testing/factories';
import { markingCast, SEES, type MarkingPerson, type Who } from '@/testing/markings';
import { getThreadMarking, setThreadMarking } from './markings';
import { moveThread, setThreadLocked, setThreadPinned } from './moderation';
import { getThread } from './threads';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

type V = MarkingPerson;
let author: V, colleague: V, partner: V, named: V, outsider: V, moderator: V, admin: V;
let space: string;
let marked: Awaited<ReturnType<typeof markingCast>>['marked'];
const people = () => ({ author, colleague, partner, named, outsider, moderator, admin });

beforeAll(async () => {
  const cast = await markingCast();
  ({ author, colleague, partner, named, outsider, moderator, admin } = cast.people);
  ({ space, marked } = cast);
});

describe('changing a marking', () => {
  it('is for the author and moderators who see the thread; every change is audited; a lowering by a moderator tells the author', async () => {
    const threadId = await marked('amber', 'Re-marked thread');
    expect(await getThreadMarking(author, threadId)).toEqual({ marking: 'amber', organisations: [partner.organisationId], people: [] });
    await expect(
      setThreadMarking(partner, threadId, { marking: 'green', markingOrganisations: [], markingPeople: [] }, request),
    ).rejects.toBeInstanceOf(NotFoundError);
    // A moderator the marking leaves out cannot reach it.
    await expect(
      setThreadMarking(moderator, threadId, { marking: 'green', markingOrganisations: [], markingPeople: [] }, request),
    ).rejects.toBeInstanceOf(NotFoundError);
    // The author raises it to RED naming the moderator; the moderator lowers it to GREEN.
    expect(await setThreadMarking(author, threadId, { marking: 'red', markingOrganisations: [], markingPeople: [moderator.id] }, request)).toEqual({
      lowered: false,
    });
    expect(await setThreadMarking(moderator, threadId, { marking: 'green', markingOrganisations: [], markingPeople: [] }, request)).toEqual({
      lowered: true,
    });
    expect((await getThread(outsider, threadId)).title).toBe('Re-marked thread');
    const audits = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'thread.marking_changed'), eq(auditLog.targetId, threadId)));
    expect(audits.map((a) => [a.actorId, (a.details as { lowered: boolean }).lowered])).toEqual(
      expect.arrayContaining([
        [author.id, false],
        [moderator.id, true],
      ]),
    );
    const told = await getDb()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, author.id), eq(notifications.kind, 'marking_lowered'), eq(notifications.threadId, threadId)));
    expect(told).toHaveLength(1);
    expect((await listNotifications(author)).items.some((n) => n.kind === 'marking_lowered' && n.threadId === threadId)).toBe(true);
  });

  it('moving a thread to a wider space keeps its marking: the new space lets more people in, the marking does not', async () => {
    const narrow = (await createSpace({ name: 'Working group', access: 'request' })).id;
    for (const v of [author, colleague, partner, named]) await addMember(narrow, v.id);
    // The moderator who moves them is one the markings let in (a partner for AMBER, named for RED).
    const mover = await signedIn({ role: 'moderator', organisationId: partner.organisationId });
    const moved: Partial<Record<'amber' | 'red', string>> = {};
    for (const marking of ['amber', 'red'] as const) {
      const threadId = await marked(marking, `Moved ${marking}`, narrow, [mover.id]);
      moved[marking] = threadId;
      await moveThread(mover, threadId, space, request);
      expect((await getThread(author, threadId)).marking).toBe(marking);
    }
    // Every member sees the open space now; only those each marking lets in see its thread.
    for (const [who, v] of Object.entries(people()) as [Who, V][]) {
      for (const marking of ['amber', 'red'] as const) {
        const read = getThread(v, moved[marking]!);
        if (SEES[marking][who]) expect((await read).id, `${marking} ${who}`).toBe(moved[marking]);
        else await expect(read, `${marking} ${who}`).rejects.toBeInstanceOf(NotFoundError);
      }
    }
  });

  it('a moderator the marking leaves out cannot move, lock or pin the thread: it is not found', async () => {
    const other = (await createSpace({ name: 'Beyond reach' })).id;
    for (const marking of ['amber', 'amber_strict', 'red'] as const) {
      const threadId = await marked(marking, `Out of reach ${marking}`);
      await expect(moveThread(moderator, threadId, other, request), marking).rejects.toBeInstanceOf(NotFoundError);
      await expect(setThreadLocked(moderator, threadId, true, request), marking).rejects.toBeInstanceOf(NotFoundError);
      await expect(setThreadPinned(moderator, threadId, true, request), marking).rejects.toBeInstanceOf(NotFoundError);
      const [row] = await getDb()
        .select({ spaceId: threads.spaceId, isLocked: threads.isLocked, isPinned: threads.isPinned })
        .from(threads)
        .where(eq(threads.id, threadId));
      expect(row, marking).toEqual({ spaceId: space, isLocked: false, isPinned: false });
    }
    // GREEN is the space's rule: the moderator may.
    const green = await marked('green', 'Within reach');
    await setThreadLocked(moderator, green, true, request);
  });

  it('refuses organisations and people that are not active', async () => {
    const threadId = await marked('green', 'Bad names');
    const gone = await signedIn();
    await getDb().execute(sql`update users set status = 'suspended' where id = ${gone.id}::uuid`);
    await expect(
      setThreadMarking(author, threadId, { marking: 'red', markingOrganisations: [], markingPeople: [gone.id] }, request),
    ).rejects.toMatchObject({ field: 'markingPeople' });
  });
});
