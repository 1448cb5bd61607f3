import 'server-only';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError } from '@/lib/errors';

/**
 * ROLES: the only place that compares a viewer's role (ESLint refuses `.role ===` elsewhere). Domain
 * access rules (lib/dal/<domain>/access.ts) build on these predicates. Something a viewer's role does
 * not allow does not exist for them: the asserts throw NotFoundError (a 404), never "forbidden".
 */

/** The Secretariat's admins. */
export function isAdmin(viewer: Viewer | null | undefined): boolean {
  return viewer?.role === 'admin';
}

/** Moderators, and admins (who may do everything a moderator may). */
export function isModerator(viewer: Viewer | null | undefined): boolean {
  return viewer?.role === 'moderator' || viewer?.role === 'admin';
}

/** A focal point of the given organisation (an admin flag on a member: speaks for their organisation). */
export function isFocalPointOf(viewer: Viewer, organisationId: string): boolean {
  return viewer.isFocalPoint && viewer.organisationId === organisationId;
}

/** Admin, moderator or focal point: the accounts that must have a second factor once it exists. */
export function isStaff(viewer: Pick<Viewer, 'role' | 'isFocalPoint'>): boolean {
  return viewer.role !== 'member' || viewer.isFocalPoint;
}

export function assertAdmin(viewer: Viewer | null | undefined): asserts viewer is Viewer {
  if (!isAdmin(viewer)) throw new NotFoundError('admin');
}

export function assertModerator(viewer: Viewer | null | undefined): asserts viewer is Viewer {
  if (!isModerator(viewer)) throw new NotFoundError('moderator');
}

/**
 * Whether a moderator may warn or suspend someone of `role` (decision 029): moderators act on members only,
 * admins on anyone (never themselves: the callers check that).
 */
export function mayModerateMember(viewer: Viewer, role: string | null | undefined): boolean {
  return isAdmin(viewer) || (isModerator(viewer) && role === 'member');
}
