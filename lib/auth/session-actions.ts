import 'server-only';
import { audit } from '@/lib/audit';
import { NotFoundError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { revokeAllSessions, revokeOwnSession, type Viewer } from './sessions';

/** Ends one of the viewer's sessions; someone else's session "does not exist". */
export async function endSession(viewer: Viewer, key: string, request: RequestInfo): Promise<void> {
  if (!(await revokeOwnSession(viewer, key))) throw new NotFoundError('session');
  await audit({ action: 'auth.session_revoked', actorId: viewer.id, targetType: 'session', targetId: key.slice(0, 16), ip: request.ip });
}

/** "Sign out everywhere else". */
export async function endOtherSessions(viewer: Viewer, request: RequestInfo): Promise<number> {
  const count = await revokeAllSessions(viewer.id, { except: viewer.sessionKey });
  await audit({
    action: 'auth.sessions_revoked_all',
    actorId: viewer.id,
    targetType: 'user',
    targetId: viewer.id,
    ip: request.ip,
    details: { count },
  });
  return count;
}
