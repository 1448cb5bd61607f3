/**
 * ACCESS RULES for moderators' actions on members (decision 029): formal warnings and temporary
 * suspensions. Moderators and admins only (`assertModerator`; NotFoundError for anyone else); moderators act
 * on members only, admins on anyone but themselves (`mayModerateMember`, lib/dal/roles.ts). A member's
 * warnings: the member themself (without the moderator's name) and admins (the member's console page).
 * Reports are reported under each target's own rule (lib/dal/discussions/moderation.ts).
 */
import 'server-only';
import type { Viewer } from '@/lib/auth/sessions';
import { UserError } from '@/lib/errors';
import { assertModerator, mayModerateMember } from '@/lib/dal/roles';

/** Refuses a warning or suspension the viewer may not give to this account. */
export function assertMayActOn(viewer: Viewer, target: { id: string; role: string }): void {
  assertModerator(viewer);
  if (target.id === viewer.id) throw new UserError('errors.cannotChangeSelf');
  if (!mayModerateMember(viewer, target.role)) throw new UserError('discussions.moderation.onlyMembers');
}
