import 'server-only';
import { audit } from '@/lib/audit';
import { requestInfo } from '@/lib/request';
import { signOut } from './auth';
import { revokeOwnSession } from './sessions';
import { getViewer } from './viewer';

export async function signOutCurrentSession(): Promise<never> {
  const viewer = await getViewer();
  if (viewer) {
    await revokeOwnSession(viewer, viewer.sessionKey);
    await audit({
      action: 'auth.sign_out',
      actorId: viewer.id,
      targetType: 'session',
      targetId: viewer.sessionKey.slice(0, 16),
      ip: (await requestInfo()).ip,
    });
  }
  await signOut({ redirectTo: '/sign-in?notice=signedOut' });
  throw new Error('unreachable: signOut redirects');
}
