import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db';
import { sessions } from '@/db/schema';
import { memberAction } from '@/lib/actions';
import type { ActionState } from '@/lib/action-state';
import { request } from '@/testing/accounts';
import { createUser, signedIn, TEST_PASSWORD } from '@/testing/factories';
import { actAs } from '@/testing/request-scope';
import en from '@/messages/en';
import { isRecentlyVerified, REAUTH_MINUTES } from './reauth';
import { addTotpFactor, startTotpEnrolment } from './second-factor';
import { viewerForSession } from './sessions';
import { totpCode } from './totp';

vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);
vi.mock('next-intl/server', async () => (await import('@/testing/request-scope')).nextIntlServer);

const calls: string[] = [];
const sensitive = memberAction(z.object({ what: z.string() }), { reauth: true }, async ({ what }) => {
  calls.push(what);
  return { data: what };
});
const ordinary = memberAction(z.object({ what: z.string() }), async ({ what }) => {
  calls.push(what);
  return { data: what };
});
const send = (action: typeof sensitive, fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return action(null, data) as Promise<ActionState<string>>;
};
/** Moves the session's last check back (the clock, as far as re-authentication is concerned). */
const checkedAgo = (sessionKey: string, minutes: number) =>
  getDb()
    .update(sessions)
    .set({ verifiedAt: new Date(Date.now() - minutes * 60_000) })
    .where(eq(sessions.id, sessionKey));

beforeEach(() => {
  calls.length = 0;
});

describe('re-authentication for sensitive steps', () => {
  it('is not asked within 10 minutes of the last check', async () => {
    const viewer = await signedIn();
    await actAs(viewer);
    await checkedAgo(viewer.sessionKey, REAUTH_MINUTES - 1);
    expect(await send(sensitive, { what: 'a' })).toMatchObject({ ok: true, data: 'a' });
  });

  it('is asked after 10 minutes, then accepts the password (and leaves ordinary actions alone)', async () => {
    const viewer = await signedIn();
    await actAs(viewer);
    await checkedAgo(viewer.sessionKey, REAUTH_MINUTES + 1);
    expect(await send(ordinary, { what: 'plain' })).toMatchObject({ ok: true });
    const refused = await send(sensitive, { what: 'b' });
    expect(refused).toMatchObject({ ok: false, reauth: true, message: en.security.reauth.needed, values: { what: 'b' } });
    expect(calls).toEqual(['plain']);

    const wrong = await send(sensitive, { what: 'b', reauthSecret: 'not my password' });
    expect(wrong).toMatchObject({ ok: false, reauth: true, fieldErrors: { reauthSecret: [en.security.reauth.wrong] } });
    expect(JSON.stringify(wrong)).not.toContain('not my password');
    expect(calls).toEqual(['plain']);

    expect(await send(sensitive, { what: 'b', reauthSecret: TEST_PASSWORD })).toMatchObject({ ok: true, data: 'b' });
    const after = await viewerForSession(viewer.rawSessionId);
    expect(isRecentlyVerified(after!)).toBe(true);
    // Now open for the next ten minutes without asking.
    expect(await send(sensitive, { what: 'c' })).toMatchObject({ ok: true });
  });

  it('accepts a code from the authenticator app instead of the password, once', async () => {
    const user = await createUser();
    const { secret, token } = startTotpEnrolment(user);
    await addTotpFactor(user, { token, code: totpCode(secret, Date.now() - 30_000), name: 'Phone' }, request);
    const viewer = await signedIn({ id: user.id });
    await actAs(viewer);
    await checkedAgo(viewer.sessionKey, 30);
    const code = totpCode(secret);
    expect(await send(sensitive, { what: 'd', reauthSecret: code })).toMatchObject({ ok: true });
    await checkedAgo(viewer.sessionKey, 30);
    expect(await send(sensitive, { what: 'e', reauthSecret: code })).toMatchObject({ ok: false, reauth: true });
  });
});
