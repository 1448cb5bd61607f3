/**
 * ACCESS RULES for the resource library. `resourceAccess(viewer)` is THE visibility condition of a
 * resource, used inside every query that lists, searches, counts, shows or serves one (lib/dal/resources*.ts
 * and the 'resource' branch of /api/files/[id]). Deleted resources are visible to nobody.
 *
 * A member sees a resource when it is shared with all members; or with the sectors that include theirs;
 * or it was contributed by their own organisation (whatever its visibility, including "own organisation
 * only"); or it is shared with a discussion space they may read, by the discussions' own rule
 * (spaceAccess, lib/dal/discussions/access.ts: open spaces, their sector's spaces, request-only spaces they
 * are a member of). Moderators and admins see every resource, except that a resource shared with its own
 * organisation only becomes visible to admins alone once that organisation is deactivated (offboarding).
 *
 * Editing (and deleting, adding versions): the contributor, their organisation's focal points, admins.
 * The download trail: the contributing organisation's focal points and admins.
 */
import 'server-only';
import { and, eq, isNull, not, or, sql, type SQL } from 'drizzle-orm';
import { files, organisations, resourceVersions, resources, spaces } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { spaceAccess } from '@/lib/dal/discussions/access';
import { isAdmin, isModerator } from '@/lib/dal/roles';

/**
 * Shared with its own organisation only, and that organisation is no longer a member (deactivated):
 * only admins see it. Its people are suspended, so the own-organisation branch reaches nobody.
 */
const formerMemberOnly = sql`(${resources.visibility} = 'organisation' and exists (select 1 from ${organisations} where ${organisations.id} = ${resources.organisationId} and ${organisations.status} <> 'active'))`;

export function resourceAccess(viewer: Viewer): SQL {
  if (isAdmin(viewer)) return isNull(resources.deletedAt);
  if (isModerator(viewer)) return and(isNull(resources.deletedAt), not(formerMemberOnly))!;
  return and(
    isNull(resources.deletedAt),
    or(
      eq(resources.visibility, 'all_members'),
      eq(resources.organisationId, viewer.organisationId),
      and(eq(resources.visibility, 'sectors'), sql`${viewer.sector}::sector = any(${resources.sectors})`),
      and(
        eq(resources.visibility, 'space'),
        sql`exists (select 1 from ${spaces} where ${spaces.id} = ${resources.spaceId} and ${spaceAccess(viewer)})`,
      ),
    ),
  )!;
}

/** Its own organisation's focal points: the condition on `resources` (a constant false for anyone else). */
function ownOrganisationFocalPoint(viewer: Viewer): SQL {
  return viewer.isFocalPoint ? eq(resources.organisationId, viewer.organisationId) : sql`false`;
}

/** Who may change a resource (on top of resourceAccess): the contributor, their organisation's focal points, admins. */
export function resourceEditable(viewer: Viewer): SQL {
  if (isAdmin(viewer)) return sql`true`;
  return or(eq(resources.contributorId, viewer.id), ownOrganisationFocalPoint(viewer))!;
}

/** Who may read a resource's download trail: the contributing organisation's focal points, admins. */
export function downloadTrailVisible(viewer: Viewer): SQL {
  return isAdmin(viewer) ? sql`true` : ownOrganisationFocalPoint(viewer);
}

/**
 * The 'resource' branch of fileAccess (lib/dal/files/access.ts), a condition on `files`: the file is a
 * version of a resource the viewer sees.
 */
export function resourceFileAccess(viewer: Viewer): SQL {
  return sql`exists (select 1 from ${resourceVersions} join ${resources} on ${resources.id} = ${resourceVersions.resourceId}
    where ${resourceVersions.fileId} = ${files.id} and ${resourceAccess(viewer)})`;
}
