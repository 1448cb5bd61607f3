import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema';
import { createOrganisation, createUser, everyRole } from '@/testing/factories';
import { audit } from '@/lib/audit';
import { NotFoundError } from '@/lib/errors';
import { auditChainStatus, listAuditLog, startOfDay } from './audit-log';

let roles: Awaited<ReturnType<typeof everyRole>>;

beforeAll(async () => {
  roles = await everyRole();
});

const insertAt = (at: string, over: Partial<typeof auditLog.$inferInsert> = {}) =>
  getDb()
    .insert(auditLog)
    .values({ at: new Date(at), action: 'auth.sign_in', ...over })
    .returning({ id: auditLog.id });

describe('the audit log', () => {
  it('says to an admin, and only to an admin, whether its hash chain verifies', async () => {
    await audit({ action: 'auth.sign_in', ip: '203.0.113.50' });
    expect(await auditChainStatus(roles.admin)).toMatchObject({ ok: true });
    for (const viewer of [roles.member, roles.focalPoint, roles.moderator]) {
      await expect(auditChainStatus(viewer)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('does not exist for anyone but an admin', async () => {
    for (const viewer of [roles.member, roles.focalPoint, roles.moderator]) {
      await expect(listAuditLog(viewer)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listAuditLog(viewer, { actor: viewer.id })).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('shows the newest first, with actor, target, address and details', async () => {
    const actor = await createUser({ name: 'Audit Actor', email: 'audit.actor@secretariat.example' });
    const target = await createUser({ name: 'Audit Target', email: 'audit.target@example.org' });
    const org = await createOrganisation({ name: 'Audited Organisation' });
    await audit({
      action: 'user.role_changed',
      actorId: actor.id,
      targetType: 'user',
      targetId: target.id,
      ip: '203.0.113.1',
      details: { from: 'member', to: 'moderator' },
    });
    await audit({ action: 'organisation.deactivated', actorId: actor.id, targetType: 'organisation', targetId: org.id, ip: '203.0.113.1' });
    await audit({ action: 'auth.sign_in_failed', ip: '203.0.113.2', details: { reason: 'unknown' } });

    const { items } = await listAuditLog(roles.admin);
    expect(items.slice(0, 3).map((r) => r.action)).toEqual(['auth.sign_in_failed', 'organisation.deactivated', 'user.role_changed']);
    expect(items[0]).toMatchObject({ actor: null, targetLabel: null, ip: '203.0.113.2', details: { reason: 'unknown' } });
    expect(items[1]).toMatchObject({ targetType: 'organisation', targetId: org.id, targetLabel: 'Audited Organisation' });
    expect(items[2]).toMatchObject({
      actor: { id: actor.id, name: 'Audit Actor', email: 'audit.actor@secretariat.example' },
      targetLabel: 'Audit Target <audit.target@example.org>',
      details: { from: 'member', to: 'moderator' },
    });
    expect(items[2]!.at).toBeInstanceOf(Date);
  });

  it('filters by actor (id, part of the email or the name), action and days in the viewer’s time zone, combined', async () => {
    const actor = await createUser({ name: 'Filtered Actör', email: 'filtered.actor@secretariat.example' });
    const other = await createUser();
    const [late] = await insertAt('2030-03-10T23:30:00Z', { actorId: actor.id, action: 'user.suspended' });
    const [early] = await insertAt('2030-03-11T00:30:00Z', { actorId: actor.id, action: 'user.suspended' });
    await insertAt('2030-03-11T00:40:00Z', { actorId: actor.id, action: 'user.reactivated' });
    await insertAt('2030-03-11T00:50:00Z', { actorId: other.id, action: 'user.suspended' });
    const ids = async (filters: Parameters<typeof listAuditLog>[1], viewer = roles.admin) =>
      (await listAuditLog(viewer, filters)).items.map((r) => r.id);

    expect(await ids({ actor: actor.id, action: 'user.suspended' })).toEqual([early!.id, late!.id]);
    expect(await ids({ actor: 'FILTERED.ACTOR@', action: 'user.suspended' })).toEqual([early!.id, late!.id]);
    expect(await ids({ actor: 'actor filtered', action: 'user.suspended', from: '2030-03-11' })).toEqual([early!.id]);
    expect(await ids({ actor: 'filtered nobody', action: 'user.suspended' })).toEqual([]);
    expect(await ids({ actor: 'Actor', action: 'user.suspended', to: '2030-03-10' })).toEqual([late!.id]);
    // In Tokyo both happened on the 11th.
    const tokyo = { ...roles.admin, timeZone: 'Asia/Tokyo' };
    expect(await ids({ actor: actor.id, action: 'user.suspended', from: '2030-03-11', to: '2030-03-11' }, tokyo)).toEqual([early!.id, late!.id]);
    expect(await ids({ actor: actor.id, action: 'user.suspended', from: '2030-03-11', to: '2030-03-11' })).toEqual([early!.id]);
    // An action nobody records is ignored rather than matching nothing.
    expect(await ids({ actor: actor.id, action: 'made.up' })).toHaveLength(3);
  });

  it('pages on (time, id) without overlap, forward and back; a bad cursor gives the first page', async () => {
    const actor = await createUser();
    for (let i = 0; i < 40; i++) await audit({ action: 'auth.sign_in', actorId: actor.id }); // microsecond timestamps
    for (let i = 0; i < 20; i++) await insertAt('2029-01-01T00:00:00Z', { actorId: actor.id }); // all the same instant
    const seen: number[] = [];
    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditLog(roles.admin, { actor: actor.id, cursor });
      pages.push(page);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(pages.map((p) => p.items.length)).toEqual([25, 25, 10]);
    expect(new Set(seen).size).toBe(60);
    const times = pages.flatMap((p) => p.items.map((r) => r.at.getTime()));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const back = await listAuditLog(roles.admin, { actor: actor.id, cursor: pages[2]!.previous! });
    expect(back.items.map((r) => r.id)).toEqual(pages[1]!.items.map((r) => r.id));
    expect(back.previous).not.toBeNull();
    for (const bad of ['x', Buffer.from('{"d":"after","k":["2029-01-01T00:00:00.000000Z",-1]}').toString('base64url')]) {
      expect((await listAuditLog(roles.admin, { actor: actor.id, cursor: bad })).items.map((r) => r.id)).toEqual(pages[0]!.items.map((r) => r.id));
    }
  });
});

describe('startOfDay', () => {
  it('finds local midnight in the viewer’s zone, across daylight-saving changes', () => {
    expect(startOfDay('2030-01-15', 'UTC').toISOString()).toBe('2030-01-15T00:00:00.000Z');
    expect(startOfDay('2030-01-15', 'America/New_York').toISOString()).toBe('2030-01-15T05:00:00.000Z');
    expect(startOfDay('2030-07-15', 'America/New_York').toISOString()).toBe('2030-07-15T04:00:00.000Z');
    expect(startOfDay('2030-03-31', 'Europe/Paris').toISOString()).toBe('2030-03-30T23:00:00.000Z');
    expect(startOfDay('2030-04-01', 'Europe/Paris').toISOString()).toBe('2030-03-31T22:00:00.000Z');
    expect(startOfDay('2030-03-11', 'Asia/Tokyo').toISOString()).toBe('2030-03-10T15:00:00.000Z');
    expect(startOfDay('2030-03-11', 'Not/AZone').toISOString()).toBe('2030-03-11T00:00:00.000Z');
  });
});
