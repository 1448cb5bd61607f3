import 'server-only';
import { audit } from '@/lib/audit';
import { UserError } from '@/lib/errors';
import { consume } from '@/lib/rate-limit';
import type { RequestInfo } from '@/lib/request';
import { hasSecondFactor, mustHaveSecondFactor, verifySecondFactorCode } from './second-factor';
import { completePendingSession, type PendingSession } from './sessions';

/** Where a pending session goes next: the second-factor form, or (an account that must have one and has none) the enrolment. */
export async function nextStepFor(pending: PendingSession): Promise<'factor' | 'enrol' | 'none'> {
  if (await hasSecondFactor(pending.userId)) return 'factor';
  return (await mustHaveSecondFactor(pending)) ? 'enrol' : 'none';
}

/**
 * The second step of signing in: a code from an authenticator app or a recovery code. Attempts are
 * limited per account; success turns the pending session into a signed-in one. Audited either way.
 */
export async function passSecondStep(pending: PendingSession, code: string, request: RequestInfo): Promise<void> {
  const limit = await consume('secondFactor', `user:${pending.userId}`);
  if (!limit.ok) throw new UserError('errors.rateLimited', undefined, { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
  const kind = await verifySecondFactorCode(pending.userId, code);
  const base = { actorId: pending.userId, targetType: 'user' as const, targetId: pending.userId, ip: request.ip };
  if (!kind) {
    await audit({ ...base, action: 'auth.second_factor_failed' });
    throw new UserError('security.signIn.wrongCode', 'code');
  }
  if (!(await completePendingSession(pending.sessionKey))) throw new UserError('security.signIn.expired');
  await audit({ ...base, action: 'auth.second_factor_passed', details: { kind } });
}
