import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, users } from '@/db/schema';
import { createOrganisation, createUser, everyRole, signedIn, userById } from '@/testing/factories';
import { viewerForSession } from '@/lib/auth/sessions';
import { NotFoundError } from '@/lib/errors';
import { adminOverview, changeUserRole, getUser, listUsers, reactivateUser, setFocalPoint, suspendUser } from './users';

const request = { ip: '198.51.100.9', userAgent: 'vitest' };
let roles: Awaited<ReturnType<typeof everyRole>>;

beforeAll(async () => {
  roles = await everyRole();
});

const auditFor = (targetId: string) => getDb().select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(auditLog.id);

describe('user management', () => {
  it('does not exist for anyone but an admin', async () => {
    const someone = await createUser();
    for (const viewer of [roles.member, roles.focalPoint, roles.moderator]) {
      await expect(listUsers(viewer)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getUser(viewer, someone.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(adminOverview(viewer)).rejects.toBeInstanceOf(NotFoundError);
      await expect(changeUserRole(viewer, someone.id, 'admin', request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(changeUserRole(viewer, viewer.id, 'admin', request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(suspendUser(viewer, someone.id, request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(reactivateUser(viewer, someone.id, request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(setFocalPoint(viewer, someone.id, true, request)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await userById(someone.id)).toMatchObject({ role: 'member', status: 'active', isFocalPoint: false });
    expect(await auditFor(someone.id)).toHaveLength(0);
  });

  it('shows one account in full, and nothing for unknown ids', async () => {
    const person = await signedIn({ jobTitle: 'Hotline analyst' });
    const detail = await getUser(roles.admin, person.id);
    expect(detail).toMatchObject({
      id: person.id,
      jobTitle: 'Hotline analyst',
      status: 'active',
      liveSessions: 1,
      organisationId: person.organisationId,
    });
    expect(await getUser(roles.admin, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await getUser(roles.admin, 'nonsense')).toBeNull();
  });

  it('counts pending applications, active members and member organisations', async () => {
    const before = await adminOverview(roles.admin);
    await createUser({ status: 'pending' });
    await createUser({ status: 'active' });
    const after = await adminOverview(roles.admin);
    expect(after.pendingApplications).toBe(before.pendingApplications + 1);
    expect(after.activeMembers).toBe(before.activeMembers + 1);
    expect(after.organisations).toBe(before.organisations + 2);
  });
});

describe('the user list', () => {
  it('searches names ignoring case and accents, and emails, word by word', async () => {
    const zoe = await createUser({ name: 'Zoë Ångström-Núñez', email: 'z.angstrom@hotline-search.example' });
    await createUser({ name: 'Somebody Else' });
    expect((await listUsers(roles.admin, { q: 'zoe nunez' })).items.map((u) => u.id)).toEqual([zoe.id]);
    expect((await listUsers(roles.admin, { q: 'zoe else' })).items).toEqual([]);
    expect((await listUsers(roles.admin, { q: 'ZOE' })).items.map((u) => u.id)).toEqual([zoe.id]);
    expect((await listUsers(roles.admin, { q: 'angstrom-nunez' })).items.map((u) => u.id)).toEqual([zoe.id]);
    expect((await listUsers(roles.admin, { q: 'HOTLINE-SEARCH' })).items.map((u) => u.id)).toEqual([zoe.id]);
    // LIKE's wildcards are taken literally
    expect((await listUsers(roles.admin, { q: '%' })).items).toEqual([]);
    expect((await listUsers(roles.admin, { q: '_' })).items).toEqual([]);
  });

  it('combines filters on status, role and sector', async () => {
    const gov = await createOrganisation({ sector: 'government' });
    const match = await createUser({ name: 'Filter Match', organisationId: gov.id, role: 'moderator', status: 'suspended' });
    await createUser({ name: 'Filter Wrong Status', organisationId: gov.id, role: 'moderator', status: 'active' });
    await createUser({ name: 'Filter Wrong Role', organisationId: gov.id, role: 'member', status: 'suspended' });
    await createUser({ name: 'Filter Wrong Sector', sector: 'private_sector', role: 'moderator', status: 'suspended' });
    const { items } = await listUsers(roles.admin, { q: 'filter', status: 'suspended', role: 'moderator', sector: 'government' });
    expect(items.map((u) => u.id)).toEqual([match.id]);
    expect(items[0]).toMatchObject({ organisationName: gov.name, sector: 'government', role: 'moderator', status: 'suspended' });
    expect((await listUsers(roles.admin, { q: 'filter', status: 'suspended' })).items).toHaveLength(3);
    expect((await listUsers(roles.admin, { organisation: gov.id, status: 'suspended' })).items.map((u) => u.name)).toEqual([
      'Filter Match',
      'Filter Wrong Role',
    ]);
  });

  it('pages by name then id without overlap, forward and back; a bad cursor gives the first page', async () => {
    for (let i = 0; i < 32; i++) await createUser({ name: `Pager ${String(i % 8).padStart(2, '0')}`, status: 'pending' });
    const seen: string[] = [];
    const names: string[] = [];
    let page = await listUsers(roles.admin, { q: 'pager' });
    const first = page;
    const pages = [page];
    for (;;) {
      seen.push(...page.items.map((u) => u.id));
      names.push(...page.items.map((u) => u.name));
      if (!page.next) break;
      page = await listUsers(roles.admin, { q: 'pager', cursor: page.next });
      pages.push(page);
    }
    expect(pages.map((p) => p.items.length)).toEqual([25, 7]);
    expect(new Set(seen).size).toBe(32);
    expect(names).toEqual([...names].sort());
    const back = await listUsers(roles.admin, { q: 'pager', cursor: pages[1]!.previous! });
    expect(back.items.map((u) => u.id)).toEqual(first.items.map((u) => u.id));
    const bad = await listUsers(roles.admin, { q: 'pager', cursor: 'eyJkIjoiYWZ0ZXIiLCJrIjpbMSwyXX0' });
    expect(bad.items.map((u) => u.id)).toEqual(first.items.map((u) => u.id));
  });
});

describe('changing an account', () => {
  it('changes a role and records who did it, from what to what', async () => {
    const person = await createUser();
    await changeUserRole(roles.admin, person.id, 'moderator', request);
    expect((await userById(person.id))!.role).toBe('moderator');
    await changeUserRole(roles.admin, person.id, 'moderator', request); // no change, no record
    const rows = await auditFor(person.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'user.role_changed',
      actorId: roles.admin.id,
      ip: request.ip,
      details: { from: 'member', to: 'moderator' },
    });
  });

  it('suspends: the person is signed out on their very next request; reactivating lets them sign in again', async () => {
    const person = await signedIn();
    expect(await viewerForSession(person.rawSessionId)).not.toBeNull();
    await suspendUser(roles.admin, person.id, request);
    expect(await viewerForSession(person.rawSessionId)).toBeNull();
    expect((await userById(person.id))!.status).toBe('suspended');
    await reactivateUser(roles.admin, person.id, request);
    expect((await userById(person.id))!.status).toBe('active');
    expect(await viewerForSession(person.rawSessionId)).toBeNull(); // ended sessions stay ended
    const rows = await auditFor(person.id);
    expect(rows.map((r) => r.action)).toEqual(['user.suspended', 'user.reactivated']);
    expect(rows[0]!.details).toMatchObject({ from: 'active', to: 'suspended', sessionsEnded: 1 });
    expect(rows[1]!.details).toMatchObject({ from: 'suspended', to: 'active' });
  });

  it('refuses to suspend what is not active, or reactivate what is not suspended', async () => {
    const pending = await createUser({ status: 'pending' });
    await expect(suspendUser(roles.admin, pending.id, request)).rejects.toMatchObject({ messageKey: 'errors.stale' });
    const active = await createUser();
    await expect(reactivateUser(roles.admin, active.id, request)).rejects.toMatchObject({ messageKey: 'errors.stale' });
  });

  it('flags and unflags a focal point', async () => {
    const person = await createUser();
    await setFocalPoint(roles.admin, person.id, true, request);
    expect((await userById(person.id))!.isFocalPoint).toBe(true);
    await setFocalPoint(roles.admin, person.id, false, request);
    expect((await userById(person.id))!.isFocalPoint).toBe(false);
    expect((await auditFor(person.id)).map((r) => [r.action, r.details])).toEqual([
      ['user.focal_point_changed', { from: false, to: true }],
      ['user.focal_point_changed', { from: true, to: false }],
    ]);
  });

  it('never lets an admin change their own role or status', async () => {
    const admin = await signedIn({ role: 'admin' });
    await expect(changeUserRole(admin, admin.id, 'member', request)).rejects.toMatchObject({ messageKey: 'errors.cannotChangeSelf' });
    await expect(suspendUser(admin, admin.id, request)).rejects.toMatchObject({ messageKey: 'errors.cannotChangeSelf' });
    await expect(reactivateUser(admin, admin.id, request)).rejects.toMatchObject({ messageKey: 'errors.cannotChangeSelf' });
    expect(await userById(admin.id)).toMatchObject({ role: 'admin', status: 'active' });
  });

  it('never leaves the portal without an active admin', async () => {
    const a = await signedIn({ role: 'admin' });
    const b = await signedIn({ role: 'admin' });
    // Every other admin is out of the way (as if changed a moment ago, after `a` loaded the page).
    await getDb().update(users).set({ status: 'suspended' }).where(eq(users.role, 'admin'));
    await getDb().update(users).set({ status: 'active' }).where(eq(users.id, b.id));
    await expect(changeUserRole(a, b.id, 'member', request)).rejects.toMatchObject({ messageKey: 'errors.lastAdmin' });
    await expect(suspendUser(a, b.id, request)).rejects.toMatchObject({ messageKey: 'errors.lastAdmin' });
    expect(await userById(b.id)).toMatchObject({ role: 'admin', status: 'active' });

    await getDb().update(users).set({ status: 'active' }).where(eq(users.id, a.id));
    await changeUserRole(a, b.id, 'member', request);
    expect((await userById(b.id))!.role).toBe('member');
  });

  it('answers not found for unknown people', async () => {
    await expect(changeUserRole(roles.admin, '00000000-0000-4000-8000-000000000000', 'member', request)).rejects.toBeInstanceOf(NotFoundError);
    await expect(suspendUser(roles.admin, 'bogus', request)).rejects.toBeInstanceOf(NotFoundError);
  });
});
