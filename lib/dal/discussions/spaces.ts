/**
 * Access for spaces as members see them: the list (spaces they see, plus request-only spaces they
 * may ask to join), one space by its slug, following, and join requests (answered by the space's
 * managers or an admin). Visibility comes from `spaceAccess` / `spaceListing` (./access.ts) inside
 * each query; a space someone may not see does not exist for them (NotFoundError).
 */
import 'server-only';
import { cache } from 'react';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { joinRequests, notifications, organisations, spaceFollows, spaceMembers, spaces, users } from '@/db/schema';
import type { Sector, SpaceAccessKind } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { isUuid } from '@/lib/dal/pagination';
import { spaceAccess, spaceListing, threadMarkingAccess } from './access';
import { deliveryColumns, scheduleNotificationEmails } from '@/lib/dal/notifications/delivery';
import { isAdmin, isModerator } from '@/lib/dal/roles';

export interface SpaceSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  access: SpaceAccessKind;
  sectors: Sector[];
  threadCount: number;
  lastActivityAt: Date | null;
  archived: boolean;
  /** Every thread of the space runs under the Chatham House Rule (decision 031). */
  chathamHouse: boolean;
  /** Whether the viewer may read and post (false: a request-only space they may ask to join). */
  canRead: boolean;
  following: boolean;
  pendingRequest: boolean;
  isManager: boolean;
}

const summaryColumns = (viewer: Viewer) => ({
  id: spaces.id,
  slug: spaces.slug,
  name: spaces.name,
  description: spaces.description,
  access: spaces.access,
  sectors: spaces.sectors,
  // The kept count, less the AMBER and RED threads the viewer is not let in to (decision 030): a number
  // must not tell anyone that a thread they cannot see exists (threads_space_marked_idx).
  threadCount: sql<number>`(${spaces.threadCount} - (select count(*)::int from threads where threads.space_id = "spaces"."id"
    and threads.marking not in ('clear', 'green') and not ${threadMarkingAccess(viewer)}))`,
  lastActivityAt: spaces.lastActivityAt,
  archived: sql<boolean>`("spaces"."archived_at" is not null)`,
  chathamHouse: spaces.chathamHouse,
  canRead: sql<boolean>`${spaceAccess(viewer)}`,
  following: sql<boolean>`exists (select 1 from space_follows f where f.space_id = "spaces"."id" and f.user_id = ${viewer.id}::uuid)`,
  pendingRequest: sql<boolean>`exists (select 1 from space_join_requests r where r.space_id = "spaces"."id" and r.user_id = ${viewer.id}::uuid and r.status = 'pending')`,
  isManager: sql<boolean>`exists (select 1 from space_members m where m.space_id = "spaces"."id" and m.user_id = ${viewer.id}::uuid and m.is_manager)`,
});

/**
 * The spaces the viewer sees or may ask to join, active ones first. Spaces are created by admins and
 * stay few, so the list is one page (capped).
 */
export async function listSpaces(viewer: Viewer): Promise<SpaceSummary[]> {
  return getDb()
    .select(summaryColumns(viewer))
    .from(spaces)
    .where(spaceListing(viewer))
    .orderBy(sql`"spaces"."archived_at" is not null`, asc(spaces.position), asc(spaces.name))
    .limit(200);
}

/** Spaces the viewer may post in (not archived): for "move thread" and the search filter. Memoised per request (React `cache`): a page's metadata and body share one query. */
export async function listReadableSpaces(viewer: Viewer): Promise<{ id: string; name: string; archived: boolean }[]> {
  return getDb()
    .select({ id: spaces.id, name: spaces.name, archived: sql<boolean>`("spaces"."archived_at" is not null)` })
    .from(spaces)
    .where(spaceAccess(viewer))
    .orderBy(asc(spaces.position), asc(spaces.name))
    .limit(200);
}

export const getSpaceBySlug = cache(async function getSpaceBySlug(viewer: Viewer, slug: string): Promise<SpaceSummary> {
  if (slug.length > 120) throw new NotFoundError('space');
  const [row] = await getDb()
    .select(summaryColumns(viewer))
    .from(spaces)
    .where(and(eq(spaces.slug, slug), spaceListing(viewer)))
    .limit(1);
  if (!row) throw new NotFoundError('space');
  return row;
});

/** A space the viewer sees (reads and posts), or NotFoundError. */
async function getReadableSpace(viewer: Viewer, spaceId: string) {
  if (!isUuid(spaceId)) throw new NotFoundError('space');
  const [row] = await getDb()
    .select({ id: spaces.id, slug: spaces.slug, name: spaces.name, access: spaces.access, archivedAt: spaces.archivedAt })
    .from(spaces)
    .where(and(eq(spaces.id, spaceId), spaceAccess(viewer)))
    .limit(1);
  if (!row) throw new NotFoundError('space');
  return row;
}

export async function followSpace(viewer: Viewer, spaceId: string, follow: boolean): Promise<void> {
  const space = await getReadableSpace(viewer, spaceId);
  if (follow) {
    await getDb().insert(spaceFollows).values({ userId: viewer.id, spaceId: space.id }).onConflictDoNothing();
  } else {
    await getDb()
      .delete(spaceFollows)
      .where(and(eq(spaceFollows.userId, viewer.id), eq(spaceFollows.spaceId, space.id)));
  }
}

// ---- join requests (request-only spaces)

export async function requestToJoin(viewer: Viewer, spaceId: string, message: string | undefined, request: RequestInfo): Promise<void> {
  if (!isUuid(spaceId)) throw new NotFoundError('space');
  const [space] = await getDb()
    .select({ id: spaces.id, canRead: sql<boolean>`${spaceAccess(viewer)}` })
    .from(spaces)
    .where(and(eq(spaces.id, spaceId), eq(spaces.access, 'request'), sql`"spaces"."archived_at" is null`))
    .limit(1);
  if (!space) throw new NotFoundError('space');
  if (space.canRead) throw new UserError('discussions.space.alreadyMember');
  const inserted = await getDb()
    .insert(joinRequests)
    .values({ spaceId, userId: viewer.id, message: message ?? '' })
    .onConflictDoNothing()
    .returning({ id: joinRequests.id });
  if (!inserted.length) throw new UserError('discussions.space.alreadyRequested');
  await audit({ actorId: viewer.id, action: 'space.join_requested', targetType: 'space', targetId: spaceId, ip: request.ip });
}

/** Managers of the space and admins manage its members and requests. */
async function assertManager(viewer: Viewer, spaceId: string): Promise<void> {
  if (!isUuid(spaceId)) throw new NotFoundError('space');
  if (isAdmin(viewer)) {
    const [s] = await getDb().select({ id: spaces.id }).from(spaces).where(eq(spaces.id, spaceId)).limit(1);
    if (s) return;
    throw new NotFoundError('space');
  }
  const [m] = await getDb()
    .select({ spaceId: spaceMembers.spaceId })
    .from(spaceMembers)
    .innerJoin(spaces, eq(spaces.id, spaceMembers.spaceId))
    .where(and(eq(spaceMembers.spaceId, spaceId), eq(spaceMembers.userId, viewer.id), eq(spaceMembers.isManager, true), eq(spaces.access, 'request')))
    .limit(1);
  if (!m) throw new NotFoundError('space');
}

export async function canManageSpace(viewer: Viewer, spaceId: string): Promise<boolean> {
  try {
    await assertManager(viewer, spaceId);
    return true;
  } catch {
    return false;
  }
}

export interface JoinRequestItem {
  id: string;
  userId: string;
  name: string;
  organisationName: string;
  message: string;
  createdAt: Date;
}

export async function listJoinRequests(viewer: Viewer, spaceId: string): Promise<JoinRequestItem[]> {
  await assertManager(viewer, spaceId);
  return getDb()
    .select({
      id: joinRequests.id,
      userId: users.id,
      name: users.name,
      organisationName: organisations.name,
      message: joinRequests.message,
      createdAt: joinRequests.createdAt,
    })
    .from(joinRequests)
    .innerJoin(users, eq(users.id, joinRequests.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(joinRequests.spaceId, spaceId), eq(joinRequests.status, 'pending')))
    .orderBy(asc(joinRequests.createdAt))
    .limit(100);
}

export async function decideJoinRequest(viewer: Viewer, requestId: string, accept: boolean, request: RequestInfo): Promise<void> {
  if (!isUuid(requestId)) throw new NotFoundError('join request');
  const [unsafeRequest] = await getDb().select().from(joinRequests).where(eq(joinRequests.id, requestId)).limit(1);
  if (!unsafeRequest) throw new NotFoundError('join request');
  await assertManager(viewer, unsafeRequest.spaceId);
  const req = unsafeRequest;
  await getDb().transaction(async (tx) => {
    const updated = await tx
      .update(joinRequests)
      .set({ status: accept ? 'accepted' : 'declined', decidedBy: viewer.id, decidedAt: new Date() })
      .where(and(eq(joinRequests.id, req.id), eq(joinRequests.status, 'pending')))
      .returning({ id: joinRequests.id });
    if (!updated.length) throw new UserError('discussions.space.requestAlreadyDecided');
    if (accept) await tx.insert(spaceMembers).values({ spaceId: req.spaceId, userId: req.userId }).onConflictDoNothing();
    await tx
      .insert(notifications)
      .values({
        userId: req.userId,
        kind: accept ? 'join_accepted' : 'join_declined',
        dedupeKey: `join:${req.id}`,
        spaceId: req.spaceId,
        actorId: viewer.id,
        ...deliveryColumns(accept ? 'join_accepted' : 'join_declined', sql`${req.userId}::uuid`),
      })
      .onConflictDoNothing();
    await scheduleNotificationEmails('join_accepted', tx);
    await audit(
      {
        actorId: viewer.id,
        action: accept ? 'space.join_accepted' : 'space.join_declined',
        targetType: 'space',
        targetId: req.spaceId,
        ip: request.ip,
        details: { userId: req.userId },
      },
      tx,
    );
  });
}

export { isModerator };
