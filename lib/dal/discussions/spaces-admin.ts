/**
 * Access for managing spaces in the Secretariat's console: creating, editing, archiving spaces and
 * adding or removing members of request-only spaces (and naming their managers). Admins only: every
 * function calls assertAdmin before it reads or writes; to anyone else these things do not exist.
 */
import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations, spaceMembers, spaces, threads, users } from '@/db/schema';
import type { Sector, SpaceAccessKind } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import type { SpaceInput } from '@/lib/validation/discussions';
import { assertAdmin } from '@/lib/dal/roles';
import { isUuid } from '@/lib/dal/pagination';
import { uniqueSlug } from '@/lib/dal/slugs';

export interface AdminSpace {
  id: string;
  slug: string;
  name: string;
  description: string;
  access: SpaceAccessKind;
  sectors: Sector[];
  position: number;
  chathamHouse: boolean;
  threadCount: number;
  archivedAt: Date | null;
  memberCount: number;
}

const columns = {
  id: spaces.id,
  slug: spaces.slug,
  name: spaces.name,
  description: spaces.description,
  access: spaces.access,
  sectors: spaces.sectors,
  position: spaces.position,
  chathamHouse: spaces.chathamHouse,
  threadCount: spaces.threadCount,
  archivedAt: spaces.archivedAt,
  memberCount: sql<number>`(select count(*) from space_members m where m.space_id = "spaces"."id")`.mapWith(Number),
};

/** Every space (admins create few), archived last. */
export async function adminListSpaces(viewer: Viewer): Promise<AdminSpace[]> {
  assertAdmin(viewer);
  return getDb()
    .select(columns)
    .from(spaces)
    .orderBy(sql`"spaces"."archived_at" is not null`, asc(spaces.position), asc(spaces.name))
    .limit(500);
}

export async function adminGetSpace(viewer: Viewer, id: string): Promise<AdminSpace | null> {
  assertAdmin(viewer);
  if (!isUuid(id)) return null;
  const [row] = await getDb().select(columns).from(spaces).where(eq(spaces.id, id)).limit(1);
  return row ?? null;
}

export async function createSpace(viewer: Viewer, input: SpaceInput, request: RequestInfo): Promise<{ id: string; slug: string }> {
  assertAdmin(viewer);
  const slug = await uniqueSlug({ table: spaces, slug: spaces.slug }, input.name, 'space');
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(spaces)
      .values({
        slug,
        name: input.name,
        description: input.description,
        access: input.access,
        sectors: input.access === 'sector' ? input.sectors : [],
        position: input.position,
        chathamHouse: input.chathamHouse ?? false,
      })
      .returning({ id: spaces.id, slug: spaces.slug });
    await audit(
      {
        actorId: viewer.id,
        action: 'space.created',
        targetType: 'space',
        targetId: row!.id,
        ip: request.ip,
        details: { name: input.name, access: input.access, chathamHouse: input.chathamHouse },
      },
      tx,
    );
    return row!;
  });
}

/** Edits name, description, access and order; the slug stays (members share links to it). */
export async function updateSpace(viewer: Viewer, input: SpaceInput, request: RequestInfo): Promise<void> {
  assertAdmin(viewer);
  if (!input.spaceId || !isUuid(input.spaceId)) throw new NotFoundError('space');
  await getDb().transaction(async (tx) => {
    const updated = await tx
      .update(spaces)
      .set({
        name: input.name,
        description: input.description,
        access: input.access,
        sectors: input.access === 'sector' ? input.sectors : [],
        position: input.position,
        chathamHouse: input.chathamHouse,
        updatedAt: sql`now()`,
      })
      .where(eq(spaces.id, input.spaceId!))
      .returning({ id: spaces.id });
    if (!updated.length) throw new NotFoundError('space');
    // The space's threads take the rule with it and keep it if the flag is cleared later: people wrote
    // under the promise (decision 031).
    if (input.chathamHouse) {
      await tx
        .update(threads)
        .set({ chathamHouse: true })
        .where(and(eq(threads.spaceId, input.spaceId!), eq(threads.chathamHouse, false)));
    }
    await audit(
      {
        actorId: viewer.id,
        action: 'space.updated',
        targetType: 'space',
        targetId: input.spaceId,
        ip: request.ip,
        details: { name: input.name, access: input.access, sectors: input.sectors, chathamHouse: input.chathamHouse },
      },
      tx,
    );
  });
}

/** Archived spaces stay readable by those who see them, but take no new threads or replies. */
export async function setSpaceArchived(viewer: Viewer, spaceId: string, archived: boolean, request: RequestInfo): Promise<void> {
  assertAdmin(viewer);
  if (!isUuid(spaceId)) throw new NotFoundError('space');
  await getDb().transaction(async (tx) => {
    const updated = await tx
      .update(spaces)
      .set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` })
      .where(eq(spaces.id, spaceId))
      .returning({ id: spaces.id });
    if (!updated.length) throw new NotFoundError('space');
    await audit(
      { actorId: viewer.id, action: archived ? 'space.archived' : 'space.unarchived', targetType: 'space', targetId: spaceId, ip: request.ip },
      tx,
    );
  });
}

export interface SpaceMemberItem {
  userId: string;
  name: string;
  email: string;
  organisationName: string;
  isManager: boolean;
}

export async function adminListMembers(viewer: Viewer, spaceId: string): Promise<SpaceMemberItem[]> {
  assertAdmin(viewer);
  if (!isUuid(spaceId)) return [];
  return getDb()
    .select({ userId: users.id, name: users.name, email: users.email, organisationName: organisations.name, isManager: spaceMembers.isManager })
    .from(spaceMembers)
    .innerJoin(users, eq(users.id, spaceMembers.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(spaceMembers.spaceId, spaceId))
    .orderBy(asc(users.name))
    .limit(1000);
}

export async function addSpaceMember(viewer: Viewer, spaceId: string, email: string, manager: boolean, request: RequestInfo): Promise<void> {
  assertAdmin(viewer);
  if (!isUuid(spaceId)) throw new NotFoundError('space');
  const [space] = await getDb().select({ id: spaces.id }).from(spaces).where(eq(spaces.id, spaceId)).limit(1);
  if (!space) throw new NotFoundError('space');
  const [user] = await getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), eq(users.status, 'active')))
    .limit(1);
  if (!user) throw new UserError('discussions.admin.noSuchMember', 'email');
  await getDb().transaction(async (tx) => {
    await tx
      .insert(spaceMembers)
      .values({ spaceId, userId: user.id, isManager: manager })
      .onConflictDoUpdate({ target: [spaceMembers.spaceId, spaceMembers.userId], set: { isManager: manager } });
    await audit(
      {
        actorId: viewer.id,
        action: 'space.member_added',
        targetType: 'space',
        targetId: spaceId,
        ip: request.ip,
        details: { userId: user.id, manager },
      },
      tx,
    );
  });
}

export async function changeSpaceMember(
  viewer: Viewer,
  spaceId: string,
  userId: string,
  change: 'remove' | 'manager' | 'member',
  request: RequestInfo,
): Promise<void> {
  assertAdmin(viewer);
  if (!isUuid(spaceId) || !isUuid(userId)) throw new NotFoundError('space');
  await getDb().transaction(async (tx) => {
    const where = and(eq(spaceMembers.spaceId, spaceId), eq(spaceMembers.userId, userId));
    const rows =
      change === 'remove'
        ? await tx.delete(spaceMembers).where(where).returning({ userId: spaceMembers.userId })
        : await tx
            .update(spaceMembers)
            .set({ isManager: change === 'manager' })
            .where(where)
            .returning({ userId: spaceMembers.userId });
    if (!rows.length) throw new NotFoundError('space member');
    await audit(
      {
        actorId: viewer.id,
        action: change === 'remove' ? 'space.member_removed' : 'space.manager_changed',
        targetType: 'space',
        targetId: spaceId,
        ip: request.ip,
        details: { userId, change },
      },
      tx,
    );
  });
}
