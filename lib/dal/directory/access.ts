/**
 * ACCESS RULES for the directory: THE conditions deciding which organisations and people a viewer may
 * see. Lists, counts, search, type-ahead, mentions and single reads all use them; what they leave out
 * does not exist (NotFoundError, a 404).
 *
 * - `organisationAccess(viewer)`: members see active organisations; admins see all.
 * - `organisationPageAccess(viewer)`: the same, plus former members' pages (deactivated organisations).
 * - `personAccess(viewer)`: active accounts that chose to be listed (and the viewer themself); admins see
 *   every active account. Contact details follow the person's own choices (`showEmail`, `showPhone`),
 *   which admins and the person themself override.
 * - `canEditOrganisation(viewer, id)`: its own focal points, and admins.
 */
import 'server-only';
import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { organisations, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { isAdmin, isFocalPointOf } from '@/lib/dal/roles';

/** Which organisations the viewer may see. */
export function organisationAccess(viewer: Viewer): SQL | undefined {
  return isAdmin(viewer) ? undefined : eq(organisations.status, 'active');
}

/**
 * Which organisation pages (and logos) the viewer may open: the visible ones, and former members
 * (deactivated), whose page says they are no longer a member — old posts still name them.
 */
export function organisationPageAccess(viewer: Viewer): SQL | undefined {
  return isAdmin(viewer) ? undefined : inArray(organisations.status, ['active', 'inactive']);
}

/** Whether the viewer may edit this organisation's profile: its own focal points, and admins. */
export function canEditOrganisation(viewer: Viewer, organisationId: string): boolean {
  return isAdmin(viewer) || isFocalPointOf(viewer, organisationId);
}

/** Which people the viewer may see. */
export function personAccess(viewer: Viewer): SQL {
  // A deleted account is never active (decision 020): it is left out with the suspended ones.
  const active = eq(users.status, 'active');
  return isAdmin(viewer) ? active : and(active, or(eq(users.listed, true), eq(users.id, viewer.id)))!;
}
