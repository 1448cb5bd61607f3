/**
 * ACCESS RULES for the Secretariat's console: applications, users, organisations, the audit log, the
 * hash block list and the dashboard are for admins only (`assertConsoleAccess`); the moderation queue is
 * for moderators and admins (lib/dal/discussions/moderation.ts). Every function of this
 * folder calls its assert before it reads or writes; to anyone else those things do not exist
 * (NotFoundError, a 404), never "forbidden".
 */
import 'server-only';
import type { Viewer } from '@/lib/auth/sessions';
import { assertAdmin } from '@/lib/dal/roles';

export function assertConsoleAccess(viewer: Viewer | null | undefined): asserts viewer is Viewer {
  assertAdmin(viewer);
}
