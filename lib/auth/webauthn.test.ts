import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, secondFactors, sessions } from '@/db/schema';
import { emailsTo, request } from '@/testing/accounts';
import { createUser, signedIn, TEST_PASSWORD } from '@/testing/factories';
import { softwareKey } from '@/testing/webauthn';
import { authenticate } from './authenticate';
import { enrolKey, keyRegistrationOptions } from './enrolment';
import { ReauthRequired } from './reauth';
import { listFactors, removeFactor } from './second-factor';
import { nextStepFor } from './second-step';
import { pendingSessionFor, viewerForSession, type PendingSession } from './sessions';
import { finishKeyRegistration, hasSecurityKey, passKeySignIn, relyingParty, startKeyRegistration, startKeySignIn } from './webauthn';

let n = 0;
const from = () => ({ ip: `192.0.2.${++n}`, userAgent: 'vitest' });

/** A signed-in member who registered a software key named "Blue key". */
async function memberWithKey() {
  const viewer = await signedIn();
  const key = softwareKey(relyingParty());
  const options = await keyRegistrationOptions(viewer);
  const { recoveryCodes } = await enrolKey(viewer, { name: 'Blue key', response: key.register(options) }, request);
  return { viewer, key, recoveryCodes };
}

async function passwordStep(email: string): Promise<{ raw: string; pending: PendingSession }> {
  const outcome = await authenticate(email, TEST_PASSWORD, from());
  if (!outcome.ok) throw new Error(`sign-in refused: ${outcome.code}`);
  expect(outcome.secondFactor).toBe(true);
  return { raw: outcome.sessionId, pending: (await pendingSessionFor(outcome.sessionId))! };
}

const auditOf = async (userId: string) =>
  (await getDb().select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(eq(auditLog.targetId, userId))).map(
    (r) => `${r.action}:${(r.details as { kind?: string } | null)?.kind ?? ''}`,
  );

describe('registering a security key', () => {
  it('adds a named key with its public key and counter, first-factor recovery codes, an audit entry and an email', async () => {
    const { viewer, key, recoveryCodes } = await memberWithKey();
    expect(recoveryCodes).toHaveLength(10);
    expect(await listFactors(viewer.id)).toEqual([expect.objectContaining({ kind: 'webauthn', name: 'Blue key' })]);
    const [row] = await getDb().select().from(secondFactors).where(eq(secondFactors.userId, viewer.id));
    expect(row).toMatchObject({ credentialId: key.id, counter: 0, transports: ['usb'] });
    expect(row!.publicKey).toBeTruthy();
    expect(await hasSecurityKey(viewer.id)).toBe(true);
    expect(await auditOf(viewer.id)).toContain('auth.second_factor_added:webauthn');
    expect((await emailsTo(viewer.email)).length).toBeGreaterThan(0);
  });

  it('keeps the challenge on the session row, for five minutes, and takes it with the first answer', async () => {
    const viewer = await signedIn();
    const key = softwareKey(relyingParty());
    const options = await startKeyRegistration(viewer, viewer.sessionKey);
    const [row] = await getDb().select().from(sessions).where(eq(sessions.id, viewer.sessionKey));
    expect(row!.webauthnChallenge).toBe(options.challenge);
    expect(row!.webauthnChallengeExpiresAt!.getTime() - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(row!.webauthnChallengeExpiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    const answer = key.register(options);
    await finishKeyRegistration(viewer, viewer.sessionKey, { name: 'Key', response: answer }, request);
    // The same answer again: the challenge is gone.
    await expect(finishKeyRegistration(viewer, viewer.sessionKey, { name: 'Key', response: answer }, request)).rejects.toMatchObject({
      messageKey: 'security.keys.expired',
    });
  });

  it('refuses an answer after the challenge expired, and spends the challenge anyway', async () => {
    const viewer = await signedIn();
    const key = softwareKey(relyingParty());
    const options = await startKeyRegistration(viewer, viewer.sessionKey);
    await getDb()
      .update(sessions)
      .set({ webauthnChallengeExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, viewer.sessionKey));
    await expect(finishKeyRegistration(viewer, viewer.sessionKey, { name: 'Key', response: key.register(options) }, request)).rejects.toMatchObject({
      messageKey: 'security.keys.expired',
    });
    const [row] = await getDb().select().from(sessions).where(eq(sessions.id, viewer.sessionKey));
    expect(row!.webauthnChallenge).toBeNull();
    expect(await listFactors(viewer.id)).toEqual([]);
  });

  it('refuses an answer to another challenge or from another origin', async () => {
    const viewer = await signedIn();
    const key = softwareKey(relyingParty());
    await startKeyRegistration(viewer, viewer.sessionKey);
    await expect(
      finishKeyRegistration(viewer, viewer.sessionKey, { name: 'Key', response: key.register({ challenge: 'c29tZXRoaW5nIGVsc2U' }) }, request),
    ).rejects.toMatchObject({ messageKey: 'security.keys.notVerified' });
    const elsewhere = softwareKey({ ...relyingParty(), origin: 'https://evil.example' });
    const options = await startKeyRegistration(viewer, viewer.sessionKey);
    await expect(
      finishKeyRegistration(viewer, viewer.sessionKey, { name: 'Key', response: elsewhere.register(options) }, request),
    ).rejects.toMatchObject({
      messageKey: 'security.keys.notVerified',
    });
    expect(await listFactors(viewer.id)).toEqual([]);
  });

  it('registers a credential id once, across accounts', async () => {
    const { key } = await memberWithKey();
    const other = await signedIn();
    const options = await startKeyRegistration(other, other.sessionKey);
    await expect(
      finishKeyRegistration(other, other.sessionKey, { name: 'Same key', response: key.register(options) }, request),
    ).rejects.toMatchObject({
      messageKey: 'security.keys.alreadyRegistered',
    });
    expect(await listFactors(other.id)).toEqual([]);
  });

  it('asks a signed-in member to confirm it is them when the last check is older than ten minutes', async () => {
    const viewer = await signedIn();
    await expect(keyRegistrationOptions({ ...viewer, verifiedAt: new Date(Date.now() - 11 * 60_000) })).rejects.toBeInstanceOf(ReauthRequired);
  });
});

describe('signing in with a security key', () => {
  it('signs the pending session in, updates the counter and last use, and audits it', async () => {
    const { viewer, key } = await memberWithKey();
    const { raw, pending } = await passwordStep(viewer.email);
    expect(await nextStepFor(pending)).toBe('factor');
    const options = await startKeySignIn(pending);
    expect(options.allowCredentials).toEqual([expect.objectContaining({ id: key.id })]);
    await passKeySignIn(pending, key.authenticate(options), request);
    expect((await viewerForSession(raw))?.id).toBe(viewer.id);
    const [row] = await getDb().select().from(secondFactors).where(eq(secondFactors.userId, viewer.id));
    expect(row).toMatchObject({ counter: 1 });
    expect(row!.lastUsedAt).not.toBeNull();
    expect(await auditOf(viewer.id)).toContain('auth.second_factor_passed:webauthn');
  });

  it('refuses a replayed answer, a counter that went back, and a key of another account; audits the failures', async () => {
    const { viewer, key } = await memberWithKey();
    const first = await passwordStep(viewer.email);
    const answer = key.authenticate(await startKeySignIn(first.pending));
    await passKeySignIn(first.pending, answer, request);

    // The same answer on a new sign-in: its challenge is not this session's.
    const second = await passwordStep(viewer.email);
    await startKeySignIn(second.pending);
    await expect(passKeySignIn(second.pending, answer, request)).rejects.toMatchObject({ messageKey: 'security.keys.notVerified' });
    // Single use: the failed answer spent the challenge.
    await expect(passKeySignIn(second.pending, answer, request)).rejects.toMatchObject({ messageKey: 'security.keys.expired' });

    // A cloned key whose counter did not move on.
    const cloned = key.authenticate(await startKeySignIn(second.pending), { counter: 1 });
    await expect(passKeySignIn(second.pending, cloned, request)).rejects.toMatchObject({ messageKey: 'security.keys.notVerified' });

    // Someone else's key.
    const { key: otherKey } = await memberWithKey();
    const foreign = otherKey.authenticate(await startKeySignIn(second.pending));
    await expect(passKeySignIn(second.pending, foreign, request)).rejects.toMatchObject({ messageKey: 'security.keys.notVerified' });

    expect(await viewerForSession(second.raw)).toBeNull();
    expect(await auditOf(viewer.id)).toContain('auth.second_factor_failed:webauthn');
    // The right key still works.
    await passKeySignIn(second.pending, key.authenticate(await startKeySignIn(second.pending)), request);
    expect((await viewerForSession(second.raw))?.id).toBe(viewer.id);
  });

  it('offers no key ceremony to an account without a key', async () => {
    const user = await createUser();
    await getDb().insert(secondFactors).values({ userId: user.id, kind: 'totp', name: 'App', totpSecret: 'x' });
    const { pending } = await passwordStep(user.email);
    expect(await hasSecurityKey(user.id)).toBe(false);
    await expect(startKeySignIn(pending)).rejects.toMatchObject({ messageKey: 'security.keys.none' });
  });
});

describe('removing a security key', () => {
  it('removes a member’s key (audited), but not a staff member’s last factor', async () => {
    const { viewer } = await memberWithKey();
    const [factor] = await listFactors(viewer.id);
    await removeFactor(viewer, factor!.id, request);
    expect(await listFactors(viewer.id)).toEqual([]);
    expect(await auditOf(viewer.id)).toContain('auth.second_factor_removed:webauthn');

    const moderator = await signedIn({ role: 'moderator' });
    const key = softwareKey(relyingParty());
    await enrolKey(moderator, { name: 'Only key', response: key.register(await keyRegistrationOptions(moderator)) }, request);
    const [only] = await listFactors(moderator.id);
    await expect(removeFactor(moderator, only!.id, request)).rejects.toMatchObject({ messageKey: 'security.factors.lastRequired' });
    expect(await listFactors(moderator.id)).toHaveLength(1);
  });
});
