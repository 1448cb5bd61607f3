import { accounts, DEMO_PASSWORD, signIn } from './helpers';
import { E2E_URL } from './env';
import { expect, expectAccessible, test } from './fixtures';
import { t } from './messages';

/**
 * Decision 012 through the real server (scripts/server.mjs, TRUSTED_PROXIES=0): a client that sends its own
 * forwarding headers is still known by its socket address, so it cannot pick the address the throttling,
 * the audit log and the sessions list see; Auth.js's own sign-out endpoint ends the session row; a new
 * password is checked on the server. Uses the civil demo account, which signs in freely and is never changed
 * (the password form is only sent with passwords it refuses).
 */
const member = accounts.civil;
const FORGED = ['6.6.6.6', '7.7.7.7', '8.8.8.8', '2001:db8:dead::1'];

test('forged X-Forwarded-For, X-Real-IP and Forwarded headers are not taken as the address', async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': `${FORGED[0]}, ${FORGED[3]}`, 'X-Real-IP': FORGED[1]!, Forwarded: `for=${FORGED[2]}` });
  await signIn(page, member);
  await page.goto('/settings/security');
  const region = page.getByRole('region', { name: t('settings.sessionsTitle') });
  const mine = region.getByRole('listitem').filter({ hasText: t('settings.thisDevice') });
  await expect(mine).toHaveCount(1);
  await expect(mine.getByText(/^(127\.0\.0\.1|::1)$/)).toBeVisible();
  for (const forged of FORGED) await expect(region).not.toContainText(forged);
  await expectAccessible(page);
});

test('failed sign-ins with a new forged address each are throttled as if they came from one address', async ({ request }) => {
  test.slow();
  // The smallest limit that applies: failures per account + address (6, times the e2e server's RATE_LIMIT_SCALE of 50).
  const limit = 6 * 50;
  const email = `nobody-${Date.now()}@throttle.example`;
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const attempt = async (i: number) => {
    const res = await request.post('/api/auth/callback/credentials', {
      headers: { 'X-Forwarded-For': `10.${i % 250}.${i >> 8}.1`, 'X-Real-IP': `10.1.${i % 250}.1`, Forwarded: `for=10.2.${i % 250}.1` },
      form: { email, password: `wrong password ${i}`, csrfToken },
      maxRedirects: 0,
    });
    return new URL(res.headers().location ?? '/', E2E_URL).searchParams.get('code') ?? String(res.status());
  };
  // The limit counts failures in 60 s: ten at a time, so the run fits in its window on a busy machine too.
  // Each batch starts once the one before has been counted, so none of the first `limit` sees the limit
  // reached; the attempt after them must.
  const codes: string[] = [];
  for (let i = 0; i < limit; i += 10) codes.push(...(await Promise.all(Array.from({ length: Math.min(10, limit - i) }, (_, k) => attempt(i + k)))));
  codes.push(await attempt(limit));
  expect(codes.slice(0, limit).every((c) => c === 'invalid')).toBe(true);
  expect(codes[limit]).toBe('rate_limited');
});

test("Auth.js's own sign-out endpoint ends the session row, not just the cookie", async ({ page, newPage }) => {
  await signIn(page, member);
  const [session] = (await page.context().cookies()).filter((c) => /pp\.session$/.test(c.name));
  expect(session).toBeTruthy();
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/signout', { form: { csrfToken }, maxRedirects: 0 });
  expect(res.status()).toBeLessThan(400);

  // The old cookie, replayed from another browser, no longer opens a session.
  const replay = await newPage();
  await replay.context().addCookies([session!]);
  await replay.goto('/home');
  await expect(replay).toHaveURL(/\/sign-in/);
  await expect(replay.getByRole('heading', { level: 1, name: t('auth.signIn.title') })).toBeVisible();
  await expectAccessible(replay);
});

test('the password form says why a common password or one built on the name is refused', async ({ page }) => {
  await signIn(page, member);
  await page.goto('/settings/security');
  const form = page.getByRole('region', { name: t('settings.passwordTitle') });
  for (const [password, reason] of [
    ['password12345', t('validation.passwordCommon')],
    [`${member.name.split(' ')[1]!.toLowerCase()}-2026-xq`, t('validation.passwordPersonal')],
  ] as const) {
    await form.getByLabel(t('settings.currentPassword'), { exact: true }).fill(DEMO_PASSWORD);
    await form.getByLabel(t('settings.newPassword'), { exact: true }).fill(password);
    await form.getByLabel(t('settings.confirmPassword'), { exact: true }).fill(password);
    await form.getByRole('button', { name: t('settings.changePassword') }).click();
    await expect(form.getByText(reason)).toBeVisible();
  }
  await expectAccessible(page);
});
