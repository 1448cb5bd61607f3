import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { notifications, reports } from '@/db/schema';
import { runDueJobs } from '@/lib/jobs';
import '@/lib/dal/discussions/jobs';
import '@/lib/dal/notifications/jobs';
import { mentionMarkdown } from '@/lib/dal/discussions/mentions';
import { NotFoundError } from '@/lib/errors';
import { listNotifications, unreadNotificationCount } from '@/lib/dal/notifications/notifications';
import { sendDueNotificationEmails } from '@/lib/dal/notifications/emails';
import { sendDueDigests } from '@/lib/dal/notifications/digests';
import { setSpaceMode } from '@/lib/dal/notifications/preferences';
import { emailsTo } from '@/testing/accounts';
import { createSpace, request } from '@/testing/discussions';
import { signedIn } from '@/testing/factories';
import { markingCast, SEES, type MarkingPerson, type Who } from '@/testing/markings';
import type { TlpMarking } from '@/db/schema';
import { setThreadMarking } from './markings';
import { listOpenReports, reportPost } from '@/lib/dal/moderation/reports';
import { listPosts, mentionCandidates } from './posts';
import { createReply, createThread } from './posts-write';
import { searchDiscussions } from './search';
import { followSpace, listSpaces } from './spaces';
import { followThread, getThread, listThreads, listUrgentThreads } from './threads';

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

describe('TLP markings on threads', () => {
  for (const marking of Object.keys(SEES) as TlpMarking[]) {
    it(`${marking}: reads, lists, search, urgent list and notifications follow the marking for every role`, async () => {
      const title = `Kumquat thread (${marking})`;
      const threadId = await marked(marking, title);
      await runDueJobs(50);
      for (const [who, v] of Object.entries(people()) as [Who, V][]) {
        const sees = SEES[marking][who];
        if (sees) expect((await getThread(v, threadId)).title, who).toBe(title);
        else await expect(getThread(v, threadId), who).rejects.toBeInstanceOf(NotFoundError);
        expect(
          (await listThreads(v, space)).items.some((t) => t.id === threadId),
          who,
        ).toBe(sees);
        expect((await listPosts(v, threadId, 1)).length, who).toBe(sees ? 1 : 0);
        expect(
          (await listUrgentThreads(v, 50)).some((t) => t.id === threadId),
          who,
        ).toBe(sees);
        expect(
          (await searchDiscussions(v, { q: `kumquat ${marking}` })).items.some((h) => h.threadId === threadId),
          who,
        ).toBe(sees);
        if (who !== 'author') {
          expect(
            (await listNotifications(v)).items.some((n) => n.threadId === threadId),
            who,
          ).toBe(sees);
          const stored = await getDb()
            .select({ id: notifications.id })
            .from(notifications)
            .where(and(eq(notifications.threadId, threadId), eq(notifications.userId, v.id)));
          expect(stored.length > 0, `${who} fan-out`).toBe(sees);
        }
        if (!sees) await expect(createReply(v, { threadId, body: 'Let me in' }), who).rejects.toBeInstanceOf(NotFoundError);
      }
    });
  }

  it('a notification read count leaves out a thread whose marking was raised since', async () => {
    const threadId = await marked('green', 'Soon raised');
    await runDueJobs(50);
    const before = await unreadNotificationCount(outsider);
    expect((await listNotifications(outsider)).items.some((n) => n.threadId === threadId)).toBe(true);
    await setThreadMarking(author, threadId, { marking: 'red', markingOrganisations: [], markingPeople: [named.id] }, request);
    expect((await listNotifications(outsider)).items.some((n) => n.threadId === threadId)).toBe(false);
    expect(await unreadNotificationCount(outsider)).toBeLessThan(before);
  });

  it('does not notify a mentioned person the marking leaves out', async () => {
    const threadId = await marked('red', 'Mention check');
    await createReply(author, { threadId, body: `Asking ${mentionMarkdown('Out', outsider.id)} and ${mentionMarkdown('Named', named.id)}` });
    await runDueJobs(50);
    const mentions = await getDb()
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.threadId, threadId), eq(notifications.kind, 'mention')));
    expect(mentions.map((m) => m.userId)).toEqual([named.id]);
  });

  it('the mention type-ahead in a marked thread offers only the people its marking lets in (threadAudience)', async () => {
    const offered = async (threadId: string | undefined, v: V) =>
      (await mentionCandidates(author, space, v.name, threadId)).some((c) => c.id === v.id);
    for (const marking of ['amber', 'amber_strict', 'red', 'green'] as const) {
      const threadId = await marked(marking, `Mentionable ${marking}`);
      for (const [who, v] of Object.entries(people()) as [Who, V][]) {
        if (who === 'author') continue;
        expect(await offered(threadId, v), `${marking} ${who}`).toBe(SEES[marking][who]);
        // Without a thread (the new-thread form): the space's audience, everyone here.
        expect(await offered(undefined, v), `${marking} ${who} space`).toBe(true);
      }
    }
    // Asking in a thread one does not see, or naming another space, is "not found".
    const red = await marked('red', 'Mentionable red refusal');
    await expect(mentionCandidates(outsider, space, 'Person', red)).rejects.toBeInstanceOf(NotFoundError);
    const elsewhere = (await createSpace({ name: 'Elsewhere' })).id;
    await expect(mentionCandidates(author, elsewhere, 'Person', red)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('under the Chatham House Rule the type-ahead follows who may read the thread, not who took part', async () => {
    const { threadId } = await createThread(
      author,
      {
        spaceId: space,
        title: 'Chatham amber',
        body: 'Words',
        urgent: false,
        chathamHouse: true,
        marking: 'amber',
        markingOrganisations: [partner.organisationId],
      },
      request,
    );
    await createReply(partner, { threadId, body: 'I took part' });
    const ids = async (v: V) => (await mentionCandidates(partner, space, v.name, threadId)).map((c) => c.id);
    // The author (who wrote) and the colleague (who did not) are offered alike; the outsider neither.
    expect(await ids(author)).toContain(author.id);
    expect(await ids(colleague)).toContain(colleague.id);
    expect(await ids(outsider)).not.toContain(outsider.id);
  });

  it("a space's thread count leaves out the AMBER and RED threads the viewer is not let in to", async () => {
    const own = (await createSpace({ name: 'Counted space' })).id;
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(Object.entries(people()).map(async ([who, v]) => [who, (await listSpaces(v)).find((s) => s.id === own)!.threadCount])),
      );
    for (const marking of ['green', 'amber', 'red'] as const)
      await createThread(
        author,
        {
          spaceId: own,
          title: `Counted ${marking}`,
          body: 'Counted body',
          urgent: false,
          marking,
          markingOrganisations: [partner.organisationId],
          markingPeople: [named.id],
        },
        request,
      );
    expect(await counts()).toEqual({ author: 3, colleague: 2, partner: 2, named: 2, outsider: 1, moderator: 1, admin: 1 });
  });

  it('reports on a RED thread reach only the moderators it names', async () => {
    const threadId = await marked('red', 'Reported red');
    const [post] = await listPosts(named, threadId, 1);
    await reportPost(named, post!.id, 'Please look at this', request);
    expect((await listOpenReports(moderator)).items.some((r) => r.threadId === threadId)).toBe(false);
    await setThreadMarking(author, threadId, { marking: 'red', markingOrganisations: [], markingPeople: [named.id, moderator.id] }, request);
    expect((await listOpenReports(moderator)).items.some((r) => r.threadId === threadId)).toBe(true);
    await getDb()
      .delete(reports)
      .where(sql`true`);
  });
});

describe('TLP markings in emails and digests', () => {
  const mails = async (v: V) => (await emailsTo(v.email)).filter((m) => m.template.startsWith('notification.'));
  const due = () =>
    getDb().execute(sql`update notifications set email_due_at = now() - interval '1 minute' where emailed_at is null and email_due_at is not null`);

  it('AMBER: the title and the label, never an excerpt; RED: a link only', async () => {
    await getDb().execute(sql`insert into notification_preferences (user_id, excerpts) values (${partner.id}::uuid, true), (${named.id}::uuid, true)
      on conflict (user_id) do update set excerpts = true`);
    const amber = await marked('amber', 'Amber email topic');
    const red = await marked('red', 'Red email topic');
    await followThread(partner, amber, true);
    await followThread(named, red, true);
    await createReply(author, { threadId: amber, body: 'Amber secret detail' });
    await createReply(author, { threadId: red, body: 'Red secret detail' });
    await runDueJobs(50);
    await due();
    await sendDueNotificationEmails();
    const amberMails = (await mails(partner)).filter((m) => m.text.includes(`/threads/${amber}`));
    expect(amberMails.length).toBeGreaterThan(0);
    for (const m of amberMails) {
      expect(m.subject).toContain('[TLP:AMBER]');
      expect(m.text).toContain('Amber email topic');
      expect(m.text).not.toContain('secret detail');
      expect(m.text).not.toContain('kumquat');
    }
    const redMails = (await mails(named)).filter((m) => m.text.includes(`/threads/${red}`));
    expect(redMails.length).toBeGreaterThan(0);
    for (const m of redMails) {
      expect(`${m.subject}\n${m.text}\n${m.html}`).not.toContain('Red email topic');
      expect(m.text).not.toContain('secret detail');
    }
  });

  it('a digest names AMBER threads with their label and only counts RED ones', async () => {
    const reader = await signedIn({ organisationId: partner.organisationId, timeZone: 'Asia/Tokyo' });
    await followSpace(reader, space, true);
    await setSpaceMode(reader, space, 'daily');
    await setThreadMarking(
      author,
      await marked('red', 'Red digest topic'),
      { marking: 'red', markingOrganisations: [], markingPeople: [reader.id] },
      request,
    );
    await marked('amber', 'Amber digest topic');
    // The last 23:30 UTC before now is 08:30 in Tokyo, the default digest hour (as digests.test.ts).
    const now = new Date();
    let at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 23, 30));
    if (at > now) at = new Date(at.getTime() - 86_400_000);
    await sendDueDigests(at);
    const [digest] = (await emailsTo(reader.email)).filter((m) => m.template.startsWith('digest.'));
    expect(digest).toBeDefined();
    expect(digest!.text).toContain('TLP:AMBER New: Amber digest topic');
    expect(digest!.text).not.toContain('Red digest topic');
    expect(digest!.text).toMatch(/active threads? in restricted spaces/);
  });
});
