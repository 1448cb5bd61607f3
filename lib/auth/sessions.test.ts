import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { sessions, users } from '@/db/schema';
import { createUser, signedIn } from '@/testing/factories';
import { createSession, revokeAllSessions, viewerForSession } from './sessions';
import { sha256 } from './tokens';

describe('sessions', () => {
  it('give the viewer for a live session of an active account', async () => {
    const viewer = await signedIn({ role: 'moderator', sector: 'government' });
    expect(viewer.role).toBe('moderator');
    expect(viewer.sector).toBe('government');
  });

  it('are refused on the next request once the account is suspended', async () => {
    const viewer = await signedIn();
    await getDb().update(users).set({ status: 'suspended' }).where(eq(users.id, viewer.id));
    expect(await viewerForSession(viewer.rawSessionId)).toBeNull();
  });

  it('are refused once revoked, idle too long, or past their absolute limit', async () => {
    const user = await createUser();
    const a = await createSession(user.id, { ip: '1', userAgent: 'x' });
    const b = await createSession(user.id, { ip: '1', userAgent: 'x' });
    const c = await createSession(user.id, { ip: '1', userAgent: 'x' });
    await getDb()
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 100 * 3_600_000) })
      .where(eq(sessions.id, sha256(b)));
    await getDb()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, sha256(c)));
    expect(await viewerForSession(a)).not.toBeNull();
    expect(await viewerForSession(b)).toBeNull();
    expect(await viewerForSession(c)).toBeNull();
    expect(await revokeAllSessions(user.id)).toBe(3);
    expect(await viewerForSession(a)).toBeNull();
  });

  it('store only a hash of the session id', async () => {
    const viewer = await signedIn();
    const rows = await getDb().select().from(sessions).where(eq(sessions.userId, viewer.id));
    expect(rows.map((r) => r.id)).toEqual([sha256(viewer.rawSessionId)]);
  });

  it('are refused while a second factor is pending, or for unknown ids', async () => {
    const viewer = await signedIn();
    await getDb().update(sessions).set({ secondFactorPending: true }).where(eq(sessions.userId, viewer.id));
    expect(await viewerForSession(viewer.rawSessionId)).toBeNull();
    expect(await viewerForSession('nonsense')).toBeNull();
    expect(await viewerForSession('x'.repeat(500))).toBeNull();
  });
});
