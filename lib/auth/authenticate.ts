import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { RequestInfo } from '@/lib/request';
import { check, consume, reset } from '@/lib/rate-limit';
import { verifyPassword } from './password';
import { createSession } from './sessions';

export type AuthOutcome =
  | { ok: true; sessionId: string; userId: string }
  | { ok: false; code: 'invalid' | 'rate_limited' | 'unverified' | 'pending' | 'rejected' | 'suspended' };

/**
 * Checks an email and password. A wrong password and an unknown email get the same answer (and the same
 * work); only someone who knows the password learns that their account is not active yet.
 */
export async function authenticate(email: string, password: string, info: RequestInfo): Promise<AuthOutcome> {
  const accountKey = `${email}|${info.ip}`;
  const ipLimit = await consume('signInIp', info.ip);
  const accountLimit = await check('signInAccount', accountKey);
  const longLimit = await check('signInAccountLong', accountKey);
  if (!ipLimit.ok || !accountLimit.ok || !longLimit.ok) {
    await audit({ action: 'auth.rate_limited', ip: info.ip, details: { email, on: 'sign_in' } });
    return { ok: false, code: 'rate_limited' };
  }

  const [user] = await getDb()
    .select({ id: users.id, passwordHash: users.passwordHash, status: users.status })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid) {
    await consume('signInAccount', accountKey);
    await consume('signInAccountLong', accountKey);
    await audit({
      action: 'auth.sign_in_failed',
      targetType: user ? 'user' : undefined,
      targetId: user?.id,
      ip: info.ip,
      details: { email },
    });
    return { ok: false, code: 'invalid' };
  }
  if (user.status !== 'active') {
    await audit({ action: 'auth.sign_in_refused', actorId: user.id, targetType: 'user', targetId: user.id, ip: info.ip, details: { status: user.status } });
    return { ok: false, code: user.status };
  }
  await reset('signInAccount', accountKey);
  const sessionId = await createSession(user.id, info);
  await audit({ action: 'auth.sign_in', actorId: user.id, targetType: 'user', targetId: user.id, ip: info.ip });
  return { ok: true, sessionId, userId: user.id };
}
