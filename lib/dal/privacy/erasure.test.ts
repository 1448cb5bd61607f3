import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLog, notifications, secondFactors, sessions, spaceFollows, threadFollows, users } from '@/db/schema';
import { createOrganisation, createUser, everyRole, signedIn, userById } from '@/testing/factories';
import { createSpace, request } from '@/testing/discussions';
import { registerAndGetToken, registration, userByEmail } from '@/testing/accounts';
import { resourceInput } from '@/testing/resources';
import { registerApplicant } from '@/lib/dal/accounts/accounts';
import { createReply, createThread } from '@/lib/dal/discussions/posts-write';
import { listPosts } from '@/lib/dal/discussions/posts';
import { searchDiscussions } from '@/lib/dal/discussions/search';
import { followSpace } from '@/lib/dal/discussions/spaces';
import { getThread } from '@/lib/dal/discussions/threads';
import { getUser, listUsers } from '@/lib/dal/console/users';
import { getPerson } from '@/lib/dal/directory/people';
import { getResource } from '@/lib/dal/resources/resources';
import { createResource } from '@/lib/dal/resources/write';
import { runDueJobs } from '@/lib/jobs';
import '@/lib/jobs/registry';
import { NotFoundError, UserError } from '@/lib/errors';
import { adminDeleteAccount, deleteApplication, deleteOwnAccount, erasedEmail, purgeUnverifiedApplicants } from './erasure';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

let roles: Awaited<ReturnType<typeof everyRole>>;
beforeAll(async () => {
  roles = await everyRole();
});

const auditFor = (targetId: string) => getDb().select().from(auditLog).where(eq(auditLog.targetId, targetId));

describe('delete my account', () => {
  it('needs my email typed again', async () => {
    const me = await signedIn();
    await expect(deleteOwnAccount(me, 'someone.else@example.org', request)).rejects.toBeInstanceOf(UserError);
    expect(await userById(me.id)).toMatchObject({ status: 'active', deletedAt: null });
  });

  it('removes what was mine, keeps my posts as “Former member” and my resources with the organisation, and frees my email', async () => {
    const me = await signedIn({ name: 'Leaving Person', jobTitle: 'Analyst', phone: '+33 1 23 45 67 89', bio: 'About me' });
    const reader = await signedIn();
    const space = await createSpace();
    const { threadId } = await createThread(me, { spaceId: space.id, title: 'Kept thread', body: 'Findable leaving words', urgent: false }, request);
    await createReply(reader, { threadId, body: 'A reply that notifies the author' });
    await followSpace(me, space.id, true);
    await runDueJobs(50);
    const resourceId = await createResource(me, resourceInput({ title: 'Stays with the organisation' }), request);
    await getDb().insert(secondFactors).values({ userId: me.id, kind: 'totp', name: 'Phone', totpSecret: 'x' });

    await deleteOwnAccount(me, me.email.toUpperCase(), request);

    const row = (await userById(me.id))!;
    expect(row).toMatchObject({ name: '', jobTitle: '', phone: null, bio: '', passwordHash: '', status: 'suspended', email: erasedEmail(me.id) });
    expect(row.deletedAt).toBeInstanceOf(Date);
    for (const table of [sessions, secondFactors, threadFollows, spaceFollows, notifications])
      expect(await getDb().select().from(table).where(eq(table.userId, me.id))).toHaveLength(0);

    // The post stays, shown without a name; search finds it the same way; the profile is gone.
    const [post] = await listPosts(reader, threadId, 1);
    expect(post).toMatchObject({ authorName: '' });
    expect((await getThread(reader, threadId)).authorName).toBe('');
    const hits = await searchDiscussions(reader, { q: 'leaving words' });
    expect(hits.items.map((h) => h.authorName)).toEqual(['']);
    await expect(getPerson(reader, me.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPerson(roles.admin, me.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getUser(roles.admin, me.id)).toBeNull();
    expect((await listUsers(roles.admin, { q: 'Leaving' })).items).toHaveLength(0);

    const resource = await getResource(reader, resourceId);
    expect(resource).toMatchObject({ organisationId: me.organisationId, contributorName: '' });

    // The audit keeps the event under the opaque id, with no name or email.
    const [event] = (await auditFor(me.id)).filter((a) => a.action === 'account.deleted');
    expect(event).toMatchObject({ actorId: null, targetType: 'user', details: { by: 'self' } });
    expect(JSON.stringify(event)).not.toContain(me.email);

    // The address can register again.
    const org = await createOrganisation();
    await registerApplicant(registration({ email: me.email, organisationId: org.id }), request);
    expect(await userByEmail(me.email)).toMatchObject({ status: 'unverified' });
  });

  it('is refused to the last active admin', async () => {
    const admins = await getDb()
      .select({ id: users.id })
      .from(users)
      .where(sql`${users.role} = 'admin' and ${users.status} = 'active'`);
    await getDb()
      .update(users)
      .set({ status: 'suspended' })
      .where(sql`${users.role} = 'admin' and ${users.id} <> ${roles.admin.id}`);
    try {
      await expect(deleteOwnAccount(roles.admin, roles.admin.email, request)).rejects.toBeInstanceOf(UserError);
    } finally {
      for (const a of admins) await getDb().update(users).set({ status: 'active' }).where(eq(users.id, a.id));
    }
  });
});

describe('admins can delete an account', () => {
  it('only admins, never their own from the console, and audited with the admin as actor', async () => {
    const person = await signedIn();
    for (const viewer of [roles.member, roles.focalPoint, roles.moderator])
      await expect(adminDeleteAccount(viewer, person.id, request)).rejects.toBeInstanceOf(NotFoundError);
    await expect(adminDeleteAccount(roles.admin, roles.admin.id, request)).rejects.toBeInstanceOf(UserError);
    await adminDeleteAccount(roles.admin, person.id, request);
    expect(await userById(person.id)).toMatchObject({ name: '', email: erasedEmail(person.id) });
    expect((await auditFor(person.id)).find((a) => a.action === 'account.deleted')).toMatchObject({
      actorId: roles.admin.id,
      details: { by: 'admin' },
    });
    // Deleting twice: nothing left to delete.
    await expect(adminDeleteAccount(roles.admin, person.id, request)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('admins can delete an application', () => {
  it('deletes a pending or unverified application, never a member, and audits it', async () => {
    const pending = await createUser({ status: 'pending' });
    const member = await createUser();
    for (const viewer of [roles.member, roles.moderator])
      await expect(deleteApplication(viewer, pending.id, request)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteApplication(roles.admin, member.id, request)).rejects.toBeInstanceOf(NotFoundError);
    await deleteApplication(roles.admin, pending.id, request);
    expect(await userById(pending.id)).toBeUndefined();
    expect(await userById(member.id)).toBeDefined();
    expect((await auditFor(pending.id)).map((a) => a.action)).toEqual(['application.deleted']);
  });
});

describe('pending applicants who never verified are purged after 30 days', () => {
  it('deletes unverified applicants older than 30 days, and nobody else', async () => {
    const { user: old } = await registerAndGetToken();
    const { user: recent } = await registerAndGetToken();
    const pendingOld = await createUser({ status: 'pending' });
    await getDb()
      .update(users)
      .set({ createdAt: sql`now() - interval '31 days'` })
      .where(sql`${users.id} in (${old.id}, ${pendingOld.id})`);
    expect(await purgeUnverifiedApplicants()).toBe(1);
    expect(await userById(old.id)).toBeUndefined();
    expect(await userById(recent.id)).toBeDefined();
    expect(await userById(pendingOld.id)).toBeDefined();
    expect(await userByEmail(old.email)).toBeUndefined();
  });
});
