/**
 * ACCESS RULES for the resource library. `resourceAccess(viewer)` is THE visibility condition of a
 * resource, used inside every query that lists, searches, counts, shows or serves one (lib/dal/resources*.ts
 * and the 'resource' branch of /api/files/[id]). Deleted resources are visible to nobody.
 *
 * A member sees a resource when it is shared with all members; or with the sectors that include theirs;
 * or it was contributed by their own organisation (whatever its visibility, including "own organisation
 * only"); or it is shared with a discussion space they may read, by the discussions' own rule
 * (spaceAccess, lib/dal/spaces-access.ts: open spaces, their sector's spaces, request-only spaces they
 * are a member of). Moderators and admins see every resource.
 *
 * Editing (and deleting, adding versions): the contributor, their organisation's focal points, admins.
 * The download trail: the contributing organisation's focal points and admins.
 */
import 'server-only';
import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { resources, spaces } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { spaceAccess } from './spaces-access';

export function resourceAccess(viewer: Viewer): SQL {
  if (viewer.role === 'admin' || viewer.role === 'moderator') return isNull(resources.deletedAt);
  return and(
    isNull(resources.deletedAt),
    or(
      eq(resources.visibility, 'all_members'),
      eq(resources.organisationId, viewer.organisationId),
      and(eq(resources.visibility, 'sectors'), sql`${viewer.sector}::sector = any(${resources.sectors})`),
      and(eq(resources.visibility, 'space'), sql`exists (select 1 from ${spaces} where ${spaces.id} = ${resources.spaceId} and ${spaceAccess(viewer)})`),
    ),
  )!;
}

/** Who may change a resource (on top of resourceAccess). */
export function resourceEditable(viewer: Viewer): SQL {
  if (viewer.role === 'admin') return sql`true`;
  return or(
    eq(resources.contributorId, viewer.id),
    viewer.isFocalPoint ? eq(resources.organisationId, viewer.organisationId) : sql`false`,
  )!;
}

export function canEditResource(viewer: Viewer, resource: { contributorId: string; organisationId: string }): boolean {
  return viewer.role === 'admin' || resource.contributorId === viewer.id || (viewer.isFocalPoint && resource.organisationId === viewer.organisationId);
}

export function canSeeDownloadTrail(viewer: Viewer, resource: { organisationId: string }): boolean {
  return viewer.role === 'admin' || (viewer.isFocalPoint && resource.organisationId === viewer.organisationId);
}
