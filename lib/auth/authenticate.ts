import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { RequestInfo } from '@/lib/request';
import { metrics } from '@/lib/metrics';
import { sendSecurityNotice } from '@/lib/email/security-notices';
import { deviceHistory } from './devices';
import { verifyPassword } from './password';
import { hasSecondFactor, mustHaveSecondFactor } from './second-factor';
import { createSession } from './sessions';
import { liftDueSuspensions } from '@/lib/dal/moderation/members';
import * as throttle from './throttle';

export type AuthOutcome =
  /** `secondFactor`: the session waits for the second factor, or for its enrolment (lib/auth/second-factor.ts). */
  | { ok: true; sessionId: string; userId: string; secondFactor: boolean }
  | { ok: false; code: 'invalid' | 'rate_limited' | 'unverified' | 'pending' | 'rejected' | 'suspended' };

/**
 * Checks an email and password. A wrong password and an unknown email get the same answer (and the same
 * work); only someone who knows the password learns that their account is not active yet.
 */
export async function authenticate(email: string, password: string, info: RequestInfo): Promise<AuthOutcome> {
  const [user] = await getDb()
    .select({
      id: users.id,
      email: users.email,
      locale: users.locale,
      passwordHash: users.passwordHash,
      status: users.status,
      suspendedUntil: users.suspendedUntil,
      role: users.role,
      isFocalPoint: users.isFocalPoint,
    })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const device = await deviceHistory(user?.id, info.device);
  const attempt = { email, ip: info.ip, knownDevice: device.known };
  const verdict = await throttle.mayAttempt(attempt);
  if (!verdict.ok) {
    await audit({ action: 'auth.rate_limited', ip: info.ip, details: { email, on: 'sign_in', limit: verdict.limit } });
    metrics().signInFailures.inc({ reason: 'rate_limited' });
    return { ok: false, code: 'rate_limited' };
  }

  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid) {
    const { tellOwner } = await throttle.failed(attempt);
    if (tellOwner && user) await sendSecurityNotice('signInFailures', user);
    await audit({
      action: 'auth.sign_in_failed',
      targetType: user ? 'user' : undefined,
      targetId: user?.id,
      ip: info.ip,
      details: { email },
    });
    metrics().signInFailures.inc({ reason: 'invalid' });
    return { ok: false, code: 'invalid' };
  }
  // A temporary suspension that has run out ends here if its job has not ended it yet (decision 029).
  if (user.status === 'suspended' && user.suspendedUntil && user.suspendedUntil <= new Date() && (await liftDueSuspensions(user.id))) {
    user.status = 'active';
  }
  if (user.status !== 'active') {
    await audit({
      action: 'auth.sign_in_refused',
      actorId: user.id,
      targetType: 'user',
      targetId: user.id,
      ip: info.ip,
      details: { status: user.status },
    });
    metrics().signInFailures.inc({ reason: user.status });
    return { ok: false, code: user.status };
  }
  await throttle.succeeded(attempt);
  // The password alone signs in only an account that neither has nor must have a second factor.
  const secondFactor = (await hasSecondFactor(user.id)) || (await mustHaveSecondFactor(user));
  const sessionId = await createSession(user.id, info, { secondFactorPending: secondFactor });
  // The first sign-in of an account has nothing to compare with; later ones from a new browser are told
  // (as soon as the password is right: whoever typed it knows it, second factor or not).
  if (!device.known && device.anySession) await sendSecurityNotice('newSignIn', user);
  await audit({
    action: 'auth.sign_in',
    actorId: user.id,
    targetType: 'user',
    targetId: user.id,
    ip: info.ip,
    details: secondFactor ? { secondFactor: 'pending' } : undefined,
  });
  return { ok: true, sessionId, userId: user.id, secondFactor };
}
