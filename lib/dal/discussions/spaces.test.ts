import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema';
import { everyRole, signedIn } from '@/testing/factories';
import { addMember, createSpace, request } from '@/testing/discussions';
import { NotFoundError } from '@/lib/errors';
import { spaceSchema } from '@/lib/validation/discussions';
import { listNotifications } from '@/lib/dal/notifications/notifications';
import { decideJoinRequest, getSpaceBySlug, listJoinRequests, listSpaces, requestToJoin } from './spaces';
import { addSpaceMember, adminListSpaces, changeSpaceMember, createSpace as adminCreateSpace, setSpaceArchived, updateSpace } from './spaces-admin';

let roles: Awaited<ReturnType<typeof everyRole>>;
beforeAll(async () => {
  roles = await everyRole();
});

describe('join requests', () => {
  it('lets a member ask once; only the space managers and admins answer; the person is notified', async () => {
    const space = await createSpace({ access: 'request' });
    const manager = await signedIn();
    await addMember(space.id, manager.id, true);
    const plainMember = await signedIn();
    await addMember(space.id, plainMember.id);
    const asker = await signedIn({ sector: 'government' });
    await requestToJoin(asker, space.id, 'I coordinate our national response.', request);
    await expect(requestToJoin(asker, space.id, 'again', request)).rejects.toMatchObject({ messageKey: 'discussions.space.alreadyRequested' });
    await expect(requestToJoin(manager, space.id, undefined, request)).rejects.toMatchObject({ messageKey: 'discussions.space.alreadyMember' });
    // Open and sector spaces take no requests.
    const open = await createSpace();
    await expect(requestToJoin(asker, open.id, undefined, request)).rejects.toBeInstanceOf(NotFoundError);

    for (const v of [plainMember, asker, roles.member, roles.focalPoint, roles.moderator]) {
      await expect(listJoinRequests(v, space.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    const [req] = await listJoinRequests(manager, space.id);
    expect(req).toMatchObject({ userId: asker.id, message: 'I coordinate our national response.' });
    expect(await listJoinRequests(roles.admin, space.id)).toHaveLength(1);
    await expect(decideJoinRequest(plainMember, req!.id, true, request)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getSpaceBySlug(asker, space.slug)).canRead).toBe(false);
    await decideJoinRequest(manager, req!.id, true, request);
    await expect(decideJoinRequest(manager, req!.id, false, request)).rejects.toMatchObject({
      messageKey: 'discussions.space.requestAlreadyDecided',
    });
    expect((await getSpaceBySlug(asker, space.slug)).canRead).toBe(true);
    expect((await listNotifications(asker)).items.map((n) => [n.kind, n.spaceName])).toContainEqual(['join_accepted', space.name]);
  });
});

describe('space management', () => {
  it('is for admins only, audited, and archived spaces are listed last', async () => {
    const input = spaceSchema.parse({
      name: 'Task group on terminology',
      description: 'Drafting',
      access: 'sector',
      sectors: ['civil_society', 'government'],
    });
    for (const v of [roles.member, roles.focalPoint, roles.moderator]) {
      await expect(adminCreateSpace(v, input, request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(adminListSpaces(v)).rejects.toBeInstanceOf(NotFoundError);
    }
    const { id, slug } = await adminCreateSpace(roles.admin, input, request);
    expect(slug).toBe('task-group-on-terminology');
    const civil = await signedIn({ sector: 'civil_society' });
    const company = await signedIn({ sector: 'private_sector' });
    expect((await listSpaces(civil)).map((s) => s.id)).toContain(id);
    expect((await listSpaces(company)).map((s) => s.id)).not.toContain(id);
    await updateSpace(roles.admin, { ...input, spaceId: id, access: 'request', sectors: [] }, request);
    expect((await getSpaceBySlug(civil, slug)).canRead).toBe(false);
    for (const v of [roles.member, roles.moderator]) {
      await expect(addSpaceMember(v, id, civil.email, false, request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(setSpaceArchived(v, id, true, request)).rejects.toBeInstanceOf(NotFoundError);
    }
    await addSpaceMember(roles.admin, id, civil.email, true, request);
    expect((await getSpaceBySlug(civil, slug)).canRead).toBe(true);
    await expect(addSpaceMember(roles.admin, id, 'nobody@example.org', false, request)).rejects.toMatchObject({ field: 'email' });
    await changeSpaceMember(roles.admin, id, civil.id, 'remove', request);
    expect((await getSpaceBySlug(civil, slug)).canRead).toBe(false);
    await setSpaceArchived(roles.admin, id, true, request);
    expect((await adminListSpaces(roles.admin)).at(-1)!.id).toBe(id);
    const actions = (await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, id)).orderBy(auditLog.id)).map(
      (r) => r.action,
    );
    expect(actions).toEqual(['space.created', 'space.updated', 'space.member_added', 'space.member_removed', 'space.archived']);
  });
});
