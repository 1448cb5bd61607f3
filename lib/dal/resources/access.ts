/**
 * ACCESS RULES for the resource library. `resourceAccess(viewer)` is THE visibility condition of a
 * resource, used inside every query that lists, searches, counts, shows or serves one (lib/dal/resources*.ts
 * and the 'resource' branch of /api/files/[id]). Deleted resources are visible to nobody.
 *
 * A member sees a resource when it is shared with all members; or with the sectors that include theirs;
 * or it was contributed by their own organisation (whatever its visibility, including "own organisation
 * only"); or it is shared with a discussion space they may read, by the discussions' own rule
 * (spaceAccess, lib/dal/discussions/access.ts: open spaces, their sector's spaces, request-only spaces they
 * are a member of). Admins see every resource. Moderators have no resource privileges (decision 022):
 * they see what any member of their organisation and sector sees, plus what is shared with a space they
 * moderate (spaceAccess lets them read every space). There are no resource reports to widen that; a
 * resource shared with its own organisation only stays with that organisation (and admins), also after
 * the organisation is deactivated (its people are suspended, so the own-organisation branch reaches nobody).
 *
 * On top of that, the resource's TLP marking narrows it for everyone, admins included (resourceMarkingAccess).
 * CLEAR resources shared with all members are also shown to anonymous visitors on /publications
 * (`publicationAccess`).
 *
 * Editing (and deleting, adding versions): the contributor, their organisation's focal points, admins.
 * The download trail: the contributing organisation's focal points and admins.
 */
import 'server-only';
import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { files, resourceVersions, resources, spaces } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { spaceAccess, spaceAudience } from '@/lib/dal/discussions/access';
import { isAdmin } from '@/lib/dal/roles';

/** Who is asking, as SQL values: the viewer (constants) or the recipient's `users` ⨝ `organisations` row (`resourceAudience`). */
interface Subject {
  id: SQL;
  organisationId: SQL;
  sector: SQL;
}

const viewerSubject = (viewer: Viewer): Subject => ({
  id: sql`${viewer.id}::uuid`,
  organisationId: sql`${viewer.organisationId}::uuid`,
  sector: sql`${viewer.sector}::sector`,
});

/**
 * The TLP marking's condition on `resources` (decision 030). CLEAR and GREEN: one comparison; AMBER: the
 * contributing organisation and those the contributor chose (resource_marking_orgs); AMBER+STRICT: the
 * contributing organisation; RED: the contributor and the people they named (resource_marking_people).
 */
function markingRule(who: Subject): SQL {
  return sql`(${resources.marking} in ('clear', 'green') or ${resources.contributorId} = ${who.id}
    or (${resources.marking} in ('amber', 'amber_strict') and ${resources.organisationId} = ${who.organisationId})
    or (${resources.marking} = 'amber' and exists (select 1 from resource_marking_orgs mo
      where mo.resource_id = ${resources.id} and mo.organisation_id = ${who.organisationId}))
    or (${resources.marking} = 'red' and exists (select 1 from resource_marking_people mp
      where mp.resource_id = ${resources.id} and mp.user_id = ${who.id})))`;
}

/** The visibility's condition on `resources`; `space` is the discussions' rule on `spaces` for the same person. */
function visibilityRule(who: Subject, space: SQL): SQL {
  return sql`(${resources.visibility} = 'all_members' or ${resources.organisationId} = ${who.organisationId}
    or (${resources.visibility} = 'sectors' and ${who.sector} = any(${resources.sectors}))
    or (${resources.visibility} = 'space' and exists (select 1 from ${spaces} where ${spaces.id} = ${resources.spaceId} and ${space})))`;
}

/** The resource's TLP marking for the viewer, a condition on `resources` that narrows the visibility for everyone, admins included. */
export function resourceMarkingAccess(viewer: Viewer): SQL {
  return markingRule(viewerSubject(viewer));
}

export function resourceAccess(viewer: Viewer): SQL {
  if (isAdmin(viewer)) return and(isNull(resources.deletedAt), resourceMarkingAccess(viewer))!;
  return and(isNull(resources.deletedAt), resourceMarkingAccess(viewer), visibilityRule(viewerSubject(viewer), spaceAccess(viewer)))!;
}

/**
 * `resourceAccess` applied to other people: the condition on `users` (joined to `organisations`) under
 * which that person sees the resource `resourceId` now (the notification mailer, checking at send time).
 * Active accounts only.
 */
export function resourceAudience(resourceId: SQL): SQL {
  const who: Subject = { id: sql`"users"."id"`, organisationId: sql`"users"."organisation_id"`, sector: sql`"organisations"."sector"` };
  return sql`("users"."status" = 'active' and exists (select 1 from ${resources} where ${resources.id} = ${resourceId}
    and ${resources.deletedAt} is null and ${markingRule(who)} and ("users"."role" = 'admin' or ${visibilityRule(who, spaceAudience())})))`;
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

/**
 * A file no resource's TLP marking withholds from the viewer (decision 030): none of the resource versions
 * that use it belongs to a resource whose marking leaves the viewer out. For the admins' branch of
 * `fileAccess`, which otherwise serves every file in circulation.
 */
export function notWithheldByMarking(viewer: Viewer): SQL {
  return sql`not exists (select 1 from ${resourceVersions} join ${resources} on ${resources.id} = ${resourceVersions.resourceId}
    where ${resourceVersions.fileId} = ${files.id} and not ${resourceMarkingAccess(viewer)})`;
}

/** What /publications shows anyone, signed in or not: CLEAR resources shared with all members (resources_public_idx). */
export function publicationAccess(): SQL {
  return sql`(${resources.deletedAt} is null and ${resources.marking} = 'clear' and ${resources.visibility} = 'all_members')`;
}

/**
 * A file anonymous visitors may download: a version of a published resource (the 'resource' purpose only,
 * in circulation: fileInCirculation is applied by the caller).
 */
export function publicationFileAccess(): SQL {
  return sql`exists (select 1 from ${resourceVersions} join ${resources} on ${resources.id} = ${resourceVersions.resourceId}
    where ${resourceVersions.fileId} = ${files.id} and ${publicationAccess()})`;
}
