import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLog, jobs, resources, sessions, users } from '@/db/schema';
import { createOrganisation, everyRole, signedIn, TEST_PASSWORD } from '@/testing/factories';
import { createSpace, request, withoutPostingLimits } from '@/testing/discussions';
import { NotFoundError, UserError } from '@/lib/errors';
import { authenticate } from '@/lib/auth/authenticate';
import { viewerForSession } from '@/lib/auth/sessions';
import { ownSuspensionEnd } from '@/lib/dal/accounts/accounts';
import { resolveReport } from '@/lib/dal/discussions/moderation';
import { listOpenReports, reportTarget } from './reports';
import { createThread } from '@/lib/dal/discussions/posts-write';
import { listNotifications } from '@/lib/dal/notifications/notifications';
import { sendDueNotificationEmails } from '@/lib/dal/notifications/emails';
import { emailsTo } from '@/testing/accounts';
import { liftDueSuspensions, listOwnWarnings, listWarnings, suspendTemporarily, warnMember } from './members';
import { breakReminderMinutes, setBreakReminder } from './settings';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

let roles: Awaited<ReturnType<typeof everyRole>>;
let author: Awaited<ReturnType<typeof signedIn>>;
let openThread: string;
let sectorThread: string;

const auditOf = async (targetId: string) =>
  (await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(auditLog.id)).map((r) => r.action);

async function createResource(organisationId: string, contributorId: string, visibility: 'all_members' | 'organisation') {
  const [row] = await getDb()
    .insert(resources)
    .values({ organisationId, contributorId, title: `Resource ${visibility}`, type: 'report', visibility })
    .returning();
  return row!;
}

beforeAll(async () => {
  withoutPostingLimits();
  roles = await everyRole(); // the member is civil society
  author = await signedIn();
  openThread = (await createThread(author, { spaceId: (await createSpace()).id, title: 'Open thread', body: 'Hello', urgent: false }, request))
    .threadId;
  const government = await createSpace({ access: 'sector', sectors: ['government'] });
  const governmentAuthor = await signedIn({ sector: 'government' });
  sectorThread = (await createThread(governmentAuthor, { spaceId: government.id, title: 'Government only', body: 'Hi', urgent: false }, request))
    .threadId;
});

describe('reporting threads, resources, profiles and organisations', () => {
  it('lets a member report what they see, once while open, audited; the queue lists every kind for moderators', async () => {
    const resource = await createResource(author.organisationId, author.id, 'all_members');
    const organisation = await createOrganisation();
    await reportTarget(roles.member, 'thread', openThread, 'Off topic and hostile', request);
    await reportTarget(roles.member, 'resource', resource.id, 'Identifies a child', request);
    await reportTarget(roles.member, 'person', author.id, 'Advertising', request);
    await reportTarget(roles.member, 'organisation', organisation.id, 'Not a real organisation', request);
    await expect(reportTarget(roles.member, 'thread', openThread, 'Again', request)).rejects.toMatchObject({
      messageKey: 'discussions.report.alreadyTarget',
    });
    // Someone else may report the same thread.
    await reportTarget(roles.focalPoint, 'thread', openThread, 'Hostile', request);

    for (const mod of [roles.moderator, roles.admin]) {
      const queue = (await listOpenReports(mod)).items;
      const mine = queue.filter((r) => r.reason !== 'Hostile');
      expect(mine.map((r) => r.kind).sort()).toEqual(['organisation', 'person', 'resource', 'thread']);
      expect(queue.find((r) => r.kind === 'thread' && r.reason === 'Off topic and hostile')).toMatchObject({
        threadTitle: 'Open thread',
        memberId: author.id,
        postId: null,
      });
      expect(queue.find((r) => r.kind === 'resource')).toMatchObject({
        resourceTitle: 'Resource all_members',
        memberId: author.id,
        resourceVisible: true,
      });
      expect(queue.find((r) => r.kind === 'person')).toMatchObject({ memberId: author.id, memberName: author.name });
      expect(queue.find((r) => r.kind === 'organisation')).toMatchObject({ organisationId: organisation.id, memberId: null });
    }
    for (const v of [roles.member, roles.focalPoint]) await expect(listOpenReports(v)).rejects.toBeInstanceOf(NotFoundError);

    expect(await auditOf(openThread)).toEqual(['thread.reported', 'thread.reported']);
    expect(await auditOf(resource.id)).toEqual(['resource.reported']);
    expect(await auditOf(organisation.id)).toEqual(['organisation.reported']);
    expect((await auditOf(author.id)).filter((a) => a === 'person.reported')).toHaveLength(1);
  });

  it('treats what the reporter cannot see as not found', async () => {
    const otherOrganisation = await createOrganisation();
    const outsider = await signedIn({ organisationId: otherOrganisation.id });
    const ownOnly = await createResource(otherOrganisation.id, outsider.id, 'organisation');
    const unlisted = await signedIn({ listed: false });
    const proposed = await createOrganisation({ status: 'proposed' });
    const cases: [Parameters<typeof reportTarget>[1], string][] = [
      ['thread', sectorThread],
      ['resource', ownOnly.id],
      ['person', unlisted.id],
      ['organisation', proposed.id],
      ['thread', '00000000-0000-4000-8000-000000000000'],
      ['person', 'not-a-uuid'],
    ];
    for (const [kind, id] of cases) await expect(reportTarget(roles.member, kind, id, 'Reason', request)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reportTarget(roles.member, 'person', roles.member.id, 'Me', request)).rejects.toBeInstanceOf(UserError);
  });

  it('dismisses a report (audited) for moderators only', async () => {
    const organisation = await createOrganisation();
    await reportTarget(roles.member, 'organisation', organisation.id, 'Spam', request);
    const report = (await listOpenReports(roles.moderator)).items.find((r) => r.organisationId === organisation.id)!;
    await expect(resolveReport(roles.member, report.id, request, 'dismissed')).rejects.toBeInstanceOf(NotFoundError);
    await resolveReport(roles.moderator, report.id, request, 'dismissed');
    expect((await listOpenReports(roles.moderator)).items.find((r) => r.id === report.id)).toBeUndefined();
    expect(await auditOf(report.id)).toEqual(['report.dismissed']);
    // Closed: the member may report it again.
    await reportTarget(roles.member, 'organisation', organisation.id, 'Still spam', request);
  });
});

describe('warnings', () => {
  it('a moderator warns a member: notified, listed for admins and for the member, audited', async () => {
    const member = await signedIn();
    await warnMember(roles.moderator, member.id, 'Please keep identifying details out of posts', request);
    const own = await listOwnWarnings(member);
    expect(own.items).toHaveLength(1);
    expect(own.items[0]).toMatchObject({ reason: 'Please keep identifying details out of posts' });
    expect(own.items[0]).not.toHaveProperty('moderatorName');
    expect((await listWarnings(roles.admin, member.id)).items[0]).toMatchObject({ moderatorName: roles.moderator.name });
    expect((await listNotifications(member)).items.some((n) => n.kind === 'warning')).toBe(true);
    expect(await auditOf(member.id)).toContain('user.warned');
    // Nobody else's warnings reach a member; only admins read the member page's list.
    expect((await listOwnWarnings(roles.member)).items).toHaveLength(0);
    await expect(listWarnings(roles.moderator, member.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('members and focal points cannot warn or suspend; moderators act on members only, nobody on themself', async () => {
    const member = await signedIn();
    for (const v of [roles.member, roles.focalPoint]) {
      await expect(warnMember(v, member.id, 'No', request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(suspendTemporarily(v, member.id, 3, 'No', request)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(warnMember(roles.moderator, roles.admin.id, 'No', request)).rejects.toMatchObject({
      messageKey: 'discussions.moderation.onlyMembers',
    });
    await expect(suspendTemporarily(roles.moderator, roles.admin.id, 3, 'No', request)).rejects.toMatchObject({
      messageKey: 'discussions.moderation.onlyMembers',
    });
    await expect(warnMember(roles.moderator, roles.moderator.id, 'No', request)).rejects.toMatchObject({ messageKey: 'errors.cannotChangeSelf' });
    await expect(suspendTemporarily(roles.moderator, member.id, 31, 'No', request)).rejects.toBeInstanceOf(UserError);
    expect((await listOwnWarnings(member)).items).toHaveLength(0);
    expect((await getDb().select({ status: users.status }).from(users).where(eq(users.id, member.id)))[0]!.status).toBe('active');
  });
});

describe('emails', () => {
  it('tell the member there is a warning (never its reason) and link to it; tell admins of a suspension', async () => {
    const member = await signedIn();
    const sendNow = async () => {
      await getDb().execute(sql`update notifications set email_due_at = now() - interval '1 minute' where email_due_at is not null`);
      await sendDueNotificationEmails();
    };
    await warnMember(roles.moderator, member.id, 'Secret reason text', request);
    await sendNow();
    const [warning] = (await emailsTo(member.email)).filter((m) => m.template === 'notification.warning');
    expect(warning!.subject).toBe('You have received a formal warning');
    expect(warning!.text).toContain('/settings/warnings');
    expect(`${warning!.text}${warning!.html}`).not.toContain('Secret reason text');
    await suspendTemporarily(roles.moderator, member.id, 2, 'Another reason', request);
    await sendNow();
    const [alert] = (await emailsTo(roles.admin.email)).filter((m) => m.template === 'notification.member_suspended');
    expect(alert!.text).toContain(`/admin/users/${member.id}`);
    expect(`${alert!.text}${alert!.html}`).not.toContain('Another reason');
    expect((await emailsTo(roles.moderator.email)).some((m) => m.template === 'notification.member_suspended')).toBe(false);
  });
});

describe('temporary suspension', () => {
  it('ends sessions at once, tells admins, queues its end, and lifts when due (job or sign-in), audited', async () => {
    const member = await signedIn();
    const before = Date.now();
    const { until } = await suspendTemporarily(roles.moderator, member.id, 3, 'Repeated advertising', request);
    expect(until.getTime() - before).toBeGreaterThan(3 * 86_400_000 - 60_000);
    expect(until.getTime() - before).toBeLessThan(3 * 86_400_000 + 60_000);
    expect(await viewerForSession(member.rawSessionId)).toBeNull();
    expect(
      (await getDb().select({ revokedAt: sessions.revokedAt }).from(sessions).where(eq(sessions.userId, member.id)))[0]!.revokedAt,
    ).not.toBeNull();
    const alerts = (await listNotifications(roles.admin)).items.filter((n) => n.kind === 'member_suspended');
    expect(alerts.some((n) => n.actorId === member.id)).toBe(true);
    expect((await listNotifications(roles.moderator)).items.some((n) => n.kind === 'member_suspended')).toBe(false);
    const queued = await getDb()
      .select({ runAt: jobs.runAt })
      .from(jobs)
      .where(and(eq(jobs.kind, 'moderation.liftSuspension')));
    expect(queued.some((j) => Math.abs(j.runAt.getTime() - until.getTime()) < 120_000)).toBe(true);

    // Before it is due: sign-in is refused, and only the password's owner learns until when.
    expect(await liftDueSuspensions(member.id)).toBe(0);
    expect(await authenticate(member.email, TEST_PASSWORD, { ip: '203.0.113.9', userAgent: 'vitest' })).toMatchObject({
      ok: false,
      code: 'suspended',
    });
    expect((await ownSuspensionEnd(member.email, TEST_PASSWORD))?.getTime()).toBe(until.getTime());
    expect(await ownSuspensionEnd(member.email, 'wrong password')).toBeNull();

    // Due: the job lifts it.
    await getDb()
      .update(users)
      .set({ suspendedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, member.id));
    expect(await liftDueSuspensions(member.id)).toBe(1);
    expect((await getDb().select({ status: users.status, until: users.suspendedUntil }).from(users).where(eq(users.id, member.id)))[0]).toEqual({
      status: 'active',
      until: null,
    });
    expect(await auditOf(member.id)).toEqual(['user.suspended_temporarily', 'auth.sign_in_refused', 'user.suspension_lifted']);
  });

  it('is lifted at sign-in when its job has not run yet; an admin’s permanent suspension is never lifted by the clock', async () => {
    const member = await signedIn();
    await suspendTemporarily(roles.admin, member.id, 1, 'Cooling off', request);
    await getDb()
      .update(users)
      .set({ suspendedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, member.id));
    expect(await authenticate(member.email, TEST_PASSWORD, { ip: '203.0.113.10', userAgent: 'vitest' })).toMatchObject({ ok: true });

    const other = await signedIn();
    await getDb()
      .update(users)
      .set({ status: 'suspended' })
      .where(inArray(users.id, [other.id]));
    expect(await liftDueSuspensions()).toBe(0);
  });
});

describe('break reminder', () => {
  it('is each moderator’s own setting, audited; members have none', async () => {
    expect(await breakReminderMinutes(roles.moderator)).toBeNull();
    await setBreakReminder(roles.moderator, 30, request);
    expect(await breakReminderMinutes(roles.moderator)).toBe(30);
    expect(await breakReminderMinutes(roles.admin)).toBeNull();
    await expect(setBreakReminder(roles.member, 20, request)).rejects.toBeInstanceOf(NotFoundError);
    expect(await auditOf(roles.moderator.id)).toContain('moderation.settings_changed');
  });
});
