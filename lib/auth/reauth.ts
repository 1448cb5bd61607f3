import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { audit } from '@/lib/audit';
import { consume } from '@/lib/rate-limit';
import type { RequestInfo } from '@/lib/request';
import { verifyPassword } from './password';
import { verifySecondFactorCode } from './second-factor';
import { markSessionVerified, type Viewer } from './sessions';

/**
 * RE-AUTHENTICATION for sensitive steps (changing password, email, second factors or recovery codes,
 * deleting the account, and the admin actions that change someone's access): the session must have
 * proved it was the person (password or second factor) within the last REAUTH_MINUTES. The doors
 * (lib/actions.ts, `{ reauth: true }`) refuse older sessions with "confirm it's you", and the form then
 * asks for the password or a code in the field named REAUTH_FIELD, checked here.
 */
export const REAUTH_MINUTES = 10;
export const REAUTH_FIELD = 'reauthSecret';

/** Thrown by code that needs a recent check; the doors answer it like `{ reauth: true }`. */
export class ReauthRequired extends Error {
  constructor() {
    super('re-authentication required');
  }
}

export function isRecentlyVerified(viewer: Pick<Viewer, 'verifiedAt'>, now = Date.now()): boolean {
  return now - viewer.verifiedAt.getTime() <= REAUTH_MINUTES * 60_000;
}

export function assertRecentlyVerified(viewer: Pick<Viewer, 'verifiedAt'>): void {
  if (!isRecentlyVerified(viewer)) throw new ReauthRequired();
}

/**
 * Checks the viewer's password, or a code from their authenticator app, or a recovery code (used up);
 * on success the session is verified now. Attempts count against the account's second-factor limit; audited.
 */
export async function reauthenticate(viewer: Viewer, secret: string, request: RequestInfo): Promise<'ok' | 'wrong' | 'rate_limited'> {
  const limit = await consume('secondFactor', `user:${viewer.id}`);
  if (!limit.ok) return 'rate_limited';
  const [user] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.id)).limit(1);
  const passed = (await verifyPassword(user?.passwordHash, secret)) || (await verifySecondFactorCode(viewer.id, secret)) !== null;
  await audit({
    action: passed ? 'auth.reauthenticated' : 'auth.reauthentication_failed',
    actorId: viewer.id,
    targetType: 'user',
    targetId: viewer.id,
    ip: request.ip,
  });
  if (!passed) return 'wrong';
  await markSessionVerified(viewer.sessionKey);
  return 'ok';
}
