import 'server-only';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { secondFactors, sessions } from '@/db/schema';
import { audit } from '@/lib/audit';
import { config } from '@/lib/config';
import { UserError } from '@/lib/errors';
import { consume } from '@/lib/rate-limit';
import type { RequestInfo } from '@/lib/request';
import { addFactor, MAX_FACTORS } from './second-factor';
import { completePendingSession, type PendingSession } from './sessions';

/**
 * SECURITY KEYS AND PASSKEYS (WebAuthn, @simplewebauthn/server): a second factor like an authenticator
 * app (lib/auth/second-factor.ts). Every query is scoped to one account (the signed-in viewer's or the
 * pending session's). The challenge of a ceremony is kept on the session row that asked for it (several
 * instances, nothing in process memory), lives CHALLENGE_MINUTES and is taken (cleared) by the first answer,
 * right or wrong: it works once. The relying party is APP_URL: its hostname is the RP ID, its origin the
 * only origin accepted.
 */
export const CHALLENGE_MINUTES = 5;

/** The relying party: APP_URL's hostname (the RP ID) and origin. */
export function relyingParty(): { rpID: string; origin: string } {
  const url = new URL(config().APP_URL);
  return { rpID: url.hostname, origin: url.origin };
}

async function storeChallenge(sessionKey: string, challenge: string): Promise<void> {
  await getDb()
    .update(sessions)
    .set({ webauthnChallenge: challenge, webauthnChallengeExpiresAt: new Date(Date.now() + CHALLENGE_MINUTES * 60_000) })
    .where(eq(sessions.id, sessionKey));
}

/** The session's challenge if it is still valid; cleared either way (single use: a second answer finds nothing). */
async function takeChallenge(sessionKey: string): Promise<string | null> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ challenge: sessions.webauthnChallenge, expiresAt: sessions.webauthnChallengeExpiresAt })
      .from(sessions)
      .where(and(eq(sessions.id, sessionKey), isNotNull(sessions.webauthnChallenge)))
      .for('update');
    if (!row) return null;
    await tx.update(sessions).set({ webauthnChallenge: null, webauthnChallengeExpiresAt: null }).where(eq(sessions.id, sessionKey));
    return row.expiresAt && row.expiresAt.getTime() > Date.now() ? row.challenge : null;
  });
}

async function keysOf(
  userId: string,
): Promise<{ id: string; credentialId: string; publicKey: string; counter: number; transports: string[] | null }[]> {
  const rows = await getDb()
    .select({
      id: secondFactors.id,
      credentialId: secondFactors.credentialId,
      publicKey: secondFactors.publicKey,
      counter: secondFactors.counter,
      transports: secondFactors.transports,
    })
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, userId), eq(secondFactors.kind, 'webauthn')))
    .limit(MAX_FACTORS);
  return rows.flatMap((r) =>
    r.credentialId && r.publicKey ? [{ ...r, credentialId: r.credentialId, publicKey: r.publicKey, counter: r.counter ?? 0 }] : [],
  );
}

/** Whether the account has a security key (the second step then offers it). */
export async function hasSecurityKey(userId: string): Promise<boolean> {
  return (await keysOf(userId)).length > 0;
}

const asTransports = (t: string[] | null) => (t ?? []) as AuthenticatorTransportFuture[];

/** Registration options for a new key of the account, its challenge kept on the session. */
export async function startKeyRegistration(
  account: { id: string; email: string },
  sessionKey: string,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { rpID } = relyingParty();
  const existing = await keysOf(account.id);
  const options = await generateRegistrationOptions({
    rpName: "Protectors' Portal",
    rpID,
    userName: account.email,
    userID: new TextEncoder().encode(account.id),
    attestationType: 'none',
    excludeCredentials: existing.map((k) => ({ id: k.credentialId, transports: asTransports(k.transports) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    timeout: CHALLENGE_MINUTES * 60_000,
  });
  await storeChallenge(sessionKey, options.challenge);
  return options;
}

function unique(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** Checks the browser's answer to the registration challenge and adds the key (named by its owner); audited and emailed through addFactor. */
export async function finishKeyRegistration(
  account: { id: string; email: string; locale: string },
  sessionKey: string,
  input: { name: string; response: RegistrationResponseJSON },
  request: RequestInfo,
): Promise<{ recoveryCodes: string[] | null }> {
  const challenge = await takeChallenge(sessionKey);
  if (!challenge) throw new UserError('security.keys.expired');
  const { rpID, origin } = relyingParty();
  const verification = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
  }).catch(() => ({ verified: false as const }));
  if (!verification.verified) throw new UserError('security.keys.notVerified');
  const { credential } = verification.registrationInfo;
  try {
    return await addFactor(
      account,
      {
        kind: 'webauthn',
        name: input.name,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: credential.transports ?? [],
      },
      request,
    );
  } catch (error) {
    if (unique(error)) throw new UserError('security.keys.alreadyRegistered');
    throw error;
  }
}

/** Authentication options for the account's keys, the challenge kept on the pending session. */
export async function startKeySignIn(pending: PendingSession): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const keys = await keysOf(pending.userId);
  if (!keys.length) throw new UserError('security.keys.none');
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    allowCredentials: keys.map((k) => ({ id: k.credentialId, transports: asTransports(k.transports) })),
    userVerification: 'preferred',
    timeout: CHALLENGE_MINUTES * 60_000,
  });
  await storeChallenge(pending.sessionKey, options.challenge);
  return options;
}

/** Whether an answer signed the challenge with one of the account's keys; the key's counter and last use are updated (atomically: a replayed counter loses). */
async function verifyKeyAnswer(userId: string, sessionKey: string, response: AuthenticationResponseJSON): Promise<boolean> {
  const challenge = await takeChallenge(sessionKey);
  if (!challenge) throw new UserError('security.keys.expired');
  const key = (await keysOf(userId)).find((k) => k.credentialId === response.id);
  if (!key) return false;
  const { rpID, origin } = relyingParty();
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: {
      id: key.credentialId,
      publicKey: new Uint8Array(Buffer.from(key.publicKey, 'base64url')),
      counter: key.counter,
      transports: asTransports(key.transports),
    },
    requireUserVerification: false,
  }).catch(() => null);
  if (!result?.verified) return false;
  const updated = await getDb()
    .update(secondFactors)
    .set({ counter: result.authenticationInfo.newCounter, lastUsedAt: sql`now()` })
    .where(and(eq(secondFactors.id, key.id), eq(secondFactors.counter, key.counter)))
    .returning({ id: secondFactors.id });
  return updated.length > 0;
}

/** The second step of signing in with a security key: limited per account like codes; success signs the session in. Audited either way. */
export async function passKeySignIn(pending: PendingSession, response: AuthenticationResponseJSON, request: RequestInfo): Promise<void> {
  const limit = await consume('secondFactor', `user:${pending.userId}`);
  if (!limit.ok) throw new UserError('errors.rateLimited', undefined, { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
  const base = { actorId: pending.userId, targetType: 'user' as const, targetId: pending.userId, ip: request.ip };
  if (!(await verifyKeyAnswer(pending.userId, pending.sessionKey, response))) {
    await audit({ ...base, action: 'auth.second_factor_failed', details: { kind: 'webauthn' } });
    throw new UserError('security.keys.notVerified');
  }
  if (!(await completePendingSession(pending.sessionKey))) throw new UserError('security.signIn.expired');
  await audit({ ...base, action: 'auth.second_factor_passed', details: { kind: 'webauthn' } });
}
