import 'server-only';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError } from '@/lib/errors';

/**
 * ACCESS RULES for the Secretariat's console. Everything an admin may do checks `assertAdmin` before it
 * reads or writes; to anyone else those things do not exist (not found, never "forbidden").
 */
export function isAdmin(viewer: Viewer | null | undefined): viewer is Viewer {
  return viewer?.role === 'admin';
}

export function assertAdmin(viewer: Viewer | null | undefined): asserts viewer is Viewer {
  if (!isAdmin(viewer)) throw new NotFoundError();
}
