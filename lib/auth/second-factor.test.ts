import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, recoveryCodes, secondFactors, sessions } from '@/db/schema';
import { request } from '@/testing/accounts';
import { emailsTo } from '@/testing/accounts';
import { createUser, signedIn, TEST_PASSWORD } from '@/testing/factories';
import { NotFoundError, UserError } from '@/lib/errors';
import { authenticate } from './authenticate';
import {
  addTotpFactor,
  hasSecondFactor,
  listFactors,
  recoveryCodesLeft,
  regenerateRecoveryCodes,
  removeFactor,
  resetSecondFactors,
  setSecondFactorRequiredForEveryone,
  startTotpEnrolment,
} from './second-factor';
import { nextStepFor, passSecondStep } from './second-step';
import { pendingSessionFor, viewerForSession, type PendingSession } from './sessions';
import { sha256 } from './tokens';
import { totpCode } from './totp';

let n = 0;
const from = () => ({ ip: `192.0.2.${++n}`, userAgent: 'vitest' });
const STEP = 30_000;

/** An account with an authenticator app enrolled at the current step; its secret, for making codes. */
async function withTotp(over: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(over);
  const { secret, token } = startTotpEnrolment(user);
  const { recoveryCodes: codes } = await addTotpFactor(user, { token, code: totpCode(secret), name: 'Phone' }, request);
  return { user, secret, codes: codes! };
}

/** Password → a pending session (the account has or needs a factor). */
async function passwordStep(email: string): Promise<{ raw: string; pending: PendingSession }> {
  const outcome = await authenticate(email, TEST_PASSWORD, from());
  if (!outcome.ok) throw new Error(`sign-in refused: ${outcome.code}`);
  expect(outcome.secondFactor).toBe(true);
  const pending = await pendingSessionFor(outcome.sessionId);
  expect(pending).not.toBeNull();
  return { raw: outcome.sessionId, pending: pending! };
}

const auditActions = async (targetId: string) =>
  (await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, targetId))).map((r) => r.action);

describe('signing in with a second factor', () => {
  it('signs a member without a factor straight in', async () => {
    const user = await createUser();
    const outcome = await authenticate(user.email, TEST_PASSWORD, from());
    expect(outcome).toMatchObject({ ok: true, secondFactor: false });
    if (!outcome.ok) throw new Error('unreachable');
    expect(await viewerForSession(outcome.sessionId)).not.toBeNull();
  });

  it('holds a session whose account has a factor until the code, which is accepted once', async () => {
    const { user, secret } = await withTotp();
    const { raw, pending } = await passwordStep(user.email);
    // Pending: not a viewer anywhere.
    expect(await viewerForSession(raw)).toBeNull();
    expect(await nextStepFor(pending)).toBe('factor');
    // The code enrolment used (this step) is spent already.
    await expect(passSecondStep(pending, totpCode(secret), request)).rejects.toMatchObject({
      messageKey: 'security.signIn.wrongCode',
      field: 'code',
    });
    await expect(passSecondStep(pending, '000000', request)).rejects.toBeInstanceOf(UserError);
    const next = totpCode(secret, Date.now() + STEP);
    await passSecondStep(pending, next, request);
    const viewer = await viewerForSession(raw);
    expect(viewer?.id).toBe(user.id);
    expect(Date.now() - viewer!.verifiedAt.getTime()).toBeLessThan(5_000);
    // The same code again, on another sign-in: refused.
    const again = await passwordStep(user.email);
    await expect(passSecondStep(again.pending, next, request)).rejects.toBeInstanceOf(UserError);
    expect(await auditActions(user.id)).toEqual(expect.arrayContaining(['auth.second_factor_failed', 'auth.second_factor_passed']));
  });

  it('accepts each recovery code once, in any case and without its dash', async () => {
    const { user, codes } = await withTotp();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    // Stored hashed only.
    const stored = await getDb().select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored.map((r) => r.codeHash)).not.toContain(codes[0]);
    expect(stored.map((r) => r.codeHash)).toContain(sha256(codes[0]!));

    const first = await passwordStep(user.email);
    await passSecondStep(first.pending, codes[0]!.toUpperCase().replace('-', ''), request);
    expect(await viewerForSession(first.raw)).not.toBeNull();
    expect(await recoveryCodesLeft(user.id)).toBe(9);
    const second = await passwordStep(user.email);
    await expect(passSecondStep(second.pending, codes[0]!, request)).rejects.toBeInstanceOf(UserError);
    expect(await viewerForSession(second.raw)).toBeNull();
  });

  it('sends staff without a factor to enrolment, and members too once an admin requires it', async () => {
    for (const over of [{ role: 'admin' as const }, { role: 'moderator' as const }, { isFocalPoint: true }]) {
      const staff = await createUser(over);
      const { raw, pending } = await passwordStep(staff.email);
      expect(await nextStepFor(pending)).toBe('enrol');
      expect(await viewerForSession(raw)).toBeNull();
    }
    const member = await createUser();
    const admin = await signedIn({ role: 'admin' });
    await expect(setSecondFactorRequiredForEveryone(await signedIn(), true, request)).rejects.toBeInstanceOf(NotFoundError);
    await setSecondFactorRequiredForEveryone(admin, true, request);
    const { pending } = await passwordStep(member.email);
    expect(await nextStepFor(pending)).toBe('enrol');
    await setSecondFactorRequiredForEveryone(admin, false, request);
    expect((await authenticate(member.email, TEST_PASSWORD, from())) as { secondFactor: boolean }).toMatchObject({ secondFactor: false });
  });

  it('lets a pending session wait half an hour at most', async () => {
    const { user } = await withTotp();
    const { raw, pending } = await passwordStep(user.email);
    await getDb()
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.id, pending.sessionKey));
    expect(await pendingSessionFor(raw)).toBeNull();
  });
});

describe('authenticator apps', () => {
  it('enrol only with a right code and a token made for that account, stored encrypted', async () => {
    const user = await createUser();
    const other = await createUser();
    const { secret, token } = startTotpEnrolment(user);
    await expect(addTotpFactor(user, { token, code: '123456', name: 'Phone' }, request)).rejects.toMatchObject({
      messageKey: 'security.enrol.wrongCode',
    });
    await expect(addTotpFactor(other, { token, code: totpCode(secret), name: 'Phone' }, request)).rejects.toMatchObject({
      messageKey: 'security.enrol.expired',
    });
    await expect(addTotpFactor(user, { token: 'v1.forged.token.x', code: totpCode(secret), name: 'Phone' }, request)).rejects.toMatchObject({
      messageKey: 'security.enrol.expired',
    });
    expect(await hasSecondFactor(user.id)).toBe(false);

    const { recoveryCodes: codes } = await addTotpFactor(user, { token, code: totpCode(secret), name: 'Phone' }, request);
    expect(codes).toHaveLength(10);
    const [row] = await getDb().select().from(secondFactors).where(eq(secondFactors.userId, user.id));
    expect(row!.totpSecret).not.toContain(secret);
    expect(row!.totpSecret).toMatch(/^v1\./);
    // A second app comes without new codes.
    const again = startTotpEnrolment(user);
    expect((await addTotpFactor(user, { token: again.token, code: totpCode(again.secret), name: 'Tablet' }, request)).recoveryCodes).toBeNull();
    expect((await listFactors(user.id)).map((f) => f.name)).toEqual(['Tablet', 'Phone']);
    expect((await emailsTo(user.email)).map((e) => e.template)).toEqual(['secondFactorAdded', 'secondFactorAdded']);
    expect(await auditActions(user.id)).toEqual(['auth.second_factor_added', 'auth.second_factor_added']);
  });

  it('cannot be removed by someone else; staff keep their last one; a member removing the last loses the codes', async () => {
    const { user: member } = await withTotp();
    const { user: moderator } = await withTotp({ role: 'moderator' });
    const memberViewer = await signedIn({ id: member.id });
    const moderatorViewer = await signedIn({ id: moderator.id });
    const [memberFactor] = await listFactors(member.id);
    const [moderatorFactor] = await listFactors(moderator.id);

    await expect(removeFactor(moderatorViewer, memberFactor!.id, request)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeFactor(moderatorViewer, moderatorFactor!.id, request)).rejects.toMatchObject({ messageKey: 'security.factors.lastRequired' });
    expect(await hasSecondFactor(moderator.id)).toBe(true);

    await removeFactor(memberViewer, memberFactor!.id, request);
    expect(await hasSecondFactor(member.id)).toBe(false);
    expect(await recoveryCodesLeft(member.id)).toBe(0);
    expect((await emailsTo(member.email)).map((e) => e.template)).toContain('secondFactorRemoved');
  });

  it('recovery codes are made anew on request: the old ones stop working', async () => {
    const { user, codes } = await withTotp();
    const viewer = await signedIn({ id: user.id });
    const fresh = await regenerateRecoveryCodes(viewer, request);
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(codes[0]);
    const { pending } = await passwordStep(user.email);
    await expect(passSecondStep(pending, codes[0]!, request)).rejects.toBeInstanceOf(UserError);
    await passSecondStep(pending, fresh[0]!, request);
    await expect(regenerateRecoveryCodes(await signedIn(), request)).rejects.toMatchObject({ messageKey: 'security.recovery.noFactor' });
  });
});

describe("an admin's reset of a member's second factor", () => {
  it('is for admins only; removes factors and codes, ends sessions, is audited and emailed', async () => {
    const { user } = await withTotp({ role: 'moderator' });
    const session = await signedIn({ id: user.id });
    const admin = await signedIn({ role: 'admin' });
    for (const other of [await signedIn({ role: 'moderator' }), await signedIn({ isFocalPoint: true })]) {
      await expect(resetSecondFactors(other, user.id, request)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(resetSecondFactors(admin, '00000000-0000-4000-8000-000000000000', request)).rejects.toBeInstanceOf(NotFoundError);
    await resetSecondFactors(admin, user.id, request);
    expect(await hasSecondFactor(user.id)).toBe(false);
    expect(await recoveryCodesLeft(user.id)).toBe(0);
    expect(await viewerForSession(session.rawSessionId)).toBeNull();
    const [row] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.second_factor_reset'), eq(auditLog.targetId, user.id)));
    expect(row).toMatchObject({ actorId: admin.id, details: { factorsRemoved: 1, sessionsEnded: 1 } });
    expect((await emailsTo(user.email)).at(-1)?.template).toBe('secondFactorReset');
    // The moderator enrols again at the next sign-in.
    const { pending } = await passwordStep(user.email);
    expect(await nextStepFor(pending)).toBe('enrol');
  });
});

describe('staff sessions', () => {
  it('end after STAFF_SESSION_IDLE_HOURS (12) idle; members keep theirs', async () => {
    const moderator = await signedIn({ role: 'moderator' });
    const focalPoint = await signedIn({ isFocalPoint: true });
    const member = await signedIn();
    const idle = new Date(Date.now() - 13 * 3_600_000);
    for (const v of [moderator, focalPoint, member]) await getDb().update(sessions).set({ lastSeenAt: idle }).where(eq(sessions.id, v.sessionKey));
    expect(await viewerForSession(moderator.rawSessionId)).toBeNull();
    expect(await viewerForSession(focalPoint.rawSessionId)).toBeNull();
    expect(await viewerForSession(member.rawSessionId)).not.toBeNull();
  });
});
