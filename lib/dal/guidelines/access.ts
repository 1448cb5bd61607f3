import 'server-only';
import type { Viewer } from '@/lib/auth/sessions';
import { assertAdmin } from '@/lib/dal/roles';

/**
 * ACCESS RULES of the community guidelines (decision 019). The version in force is public (the
 * /guidelines page, registration); publishing a version and the list of versions with their publishers
 * are the Secretariat's admins' alone: to anyone else they do not exist (NotFoundError).
 */
export function assertGuidelinesEditor(viewer: Viewer | null | undefined): asserts viewer is Viewer {
  assertAdmin(viewer);
}
