import 'server-only';
import { audit } from '@/lib/audit';
import { UserError } from '@/lib/errors';
import { consume } from '@/lib/rate-limit';
import type { RequestInfo } from '@/lib/request';
import { assertRecentlyVerified } from './reauth';
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { addTotpFactor } from './second-factor';
import { nextStepFor } from './second-step';
import { completePendingSession, type Viewer } from './sessions';
import { getPendingSession } from './viewer';
import { finishKeyRegistration, startKeyRegistration } from './webauthn';

/**
 * Who may add a factor now: a signed-in viewer who proved it was them within 10 minutes, or a session
 * waiting for its forced enrolment (the account must have a factor and has none: someone who has one
 * passes it first, so the password alone never adds a factor to an account that has one).
 */
export async function enrollingAccount(
  viewer: Viewer | null,
): Promise<{ id: string; email: string; locale: string; sessionKey: string; pendingKey?: string }> {
  if (viewer) {
    assertRecentlyVerified(viewer);
    return viewer;
  }
  const pending = await getPendingSession();
  if (!pending || (await nextStepFor(pending)) !== 'enrol') throw new UserError('security.signIn.expired');
  return { id: pending.userId, email: pending.email, locale: pending.locale, sessionKey: pending.sessionKey, pendingKey: pending.sessionKey };
}

/** The account enrolling, once its attempt is counted against the per-account second-factor limit. */
async function limitedEnrollingAccount(viewer: Viewer | null) {
  const account = await enrollingAccount(viewer);
  const limit = await consume('secondFactor', `user:${account.id}`);
  if (!limit.ok) throw new UserError('errors.rateLimited', undefined, { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
  return account;
}

/** After a factor is added during a forced enrolment, the pending session is signed in (audited). */
async function completeEnrolment(account: { id: string; pendingKey?: string }, request: RequestInfo): Promise<void> {
  if (account.pendingKey && (await completePendingSession(account.pendingKey))) {
    await audit({
      action: 'auth.second_factor_passed',
      actorId: account.id,
      targetType: 'user',
      targetId: account.id,
      ip: request.ip,
      details: { kind: 'enrolment' },
    });
  }
}

/** Adds an authenticator app; a forced enrolment then signs the session in. Returns the recovery codes of a first factor. */
export async function enrolTotp(
  viewer: Viewer | null,
  input: { token: string; code: string; name: string },
  request: RequestInfo,
): Promise<{ recoveryCodes: string[] | null }> {
  const account = await limitedEnrollingAccount(viewer);
  const result = await addTotpFactor(account, input, request);
  await completeEnrolment(account, request);
  return result;
}

/** Registration options for a new security key (the same people as for an app may ask); the challenge is kept on their session. */
export async function keyRegistrationOptions(viewer: Viewer | null): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const account = await enrollingAccount(viewer);
  return startKeyRegistration(account, account.sessionKey);
}

/** Adds a security key from the browser's answer; a forced enrolment then signs the session in. Returns the recovery codes of a first factor. */
export async function enrolKey(
  viewer: Viewer | null,
  input: { name: string; response: RegistrationResponseJSON },
  request: RequestInfo,
): Promise<{ recoveryCodes: string[] | null }> {
  const account = await limitedEnrollingAccount(viewer);
  const result = await finishKeyRegistration(account, account.sessionKey, input, request);
  await completeEnrolment(account, request);
  return result;
}
