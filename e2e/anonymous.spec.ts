import { E2E_URL } from './env';
import { accounts, submitSignIn } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { t } from './messages';

/** Journey a: what someone without a session can and cannot reach, and the headers every page carries. */

const MEMBER_AND_ADMIN_PAGES = [
  '/home',
  '/directory',
  '/directory/people',
  '/spaces',
  '/resources',
  '/search',
  '/notifications',
  '/settings/security',
  '/admin',
  '/admin/applications',
  '/admin/users',
  '/admin/organisations',
  '/admin/audit',
];

const PUBLIC_PAGES = ['/', '/sign-in', '/register', '/guidelines', '/forgot-password'];

test('member and admin pages send an anonymous visitor to sign in, keeping where they were going', async ({ page, request }) => {
  for (const path of MEMBER_AND_ADMIN_PAGES) {
    const response = await request.get(`${path}?tab=1`, { maxRedirects: 0 });
    expect([302, 303, 307, 308], `${path} answers with a redirect`).toContain(response.status());
    const location = new URL(response.headers()['location'] ?? '', 'http://localhost');
    expect(location.pathname, `${path} redirects to sign-in`).toBe('/sign-in');
    expect(location.searchParams.get('next'), `${path} keeps its path in ?next=`).toBe(`${path}?tab=1`);
  }

  // The same in a browser, ending on an accessible sign-in page.
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fusers$/);
  await expect(page.getByRole('heading', { level: 1, name: t('auth.signIn.title') })).toBeVisible();
  await expectAccessible(page);
});

test('after signing in, ?next= only ever leads to a page of the portal', async ({ page }) => {
  const attempts = ['https://evil.example', '//evil.example/home', '/\\evil.example', 'javascript:alert(1)'];
  for (const [i, next] of attempts.entries()) {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await expectAccessible(page);
    await submitSignIn(page, accounts.civil.email);
    await expect(page).toHaveURL('/home');
    expect(new URL(page.url()).host, `next=${next}`).toBe(new URL(E2E_URL).host);
    await expect(page.getByRole('heading', { level: 1, name: t('home.welcome', { name: accounts.civil.name }) })).toBeVisible();
    if (i === 0) await expectAccessible(page);
    await page.context().clearCookies();
  }

  // A same-origin ?next= is honoured.
  await page.goto('/settings/security');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings%2Fsecurity$/);
  await submitSignIn(page, accounts.civil.email);
  await expect(page).toHaveURL('/settings/security');
  await expect(page.getByRole('heading', { level: 1, name: t('settings.securityTitle') })).toBeVisible();
  await expectAccessible(page);
});

for (const path of PUBLIC_PAGES) {
  test(`public page ${path} renders with a nonce-based CSP and security headers`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();

    const csp = headers['content-security-policy'] ?? '';
    const nonce = csp.match(/'nonce-([A-Za-z0-9+/=_-]+)'/)?.[1];
    expect(nonce, `CSP with a nonce: ${csp}`).toBeTruthy();
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toContain(`'unsafe-eval'`);
    for (const directive of [`frame-ancestors 'none'`, `object-src 'none'`, `base-uri 'none'`, `form-action 'self'`]) {
      expect(csp).toContain(directive);
    }
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-powered-by']).toBeUndefined();

    // Every script the page carries has the response's nonce, and the browser ran them (hydration).
    const scriptNonces = await page.locator('script').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));

    // Each response gets a fresh nonce.
    const again = await page.request.get(path);
    const nonceAgain = again.headers()['content-security-policy']?.match(/'nonce-([^']+)'/)?.[1];
    expect(nonceAgain).toBeTruthy();
    expect(nonceAgain).not.toBe(nonce);

    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page);
  });
}

test('a first visit paints from the stylesheet inlined into the page; the next pages link it, from the cache', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const stylesheet = page.waitForResponse((r) => /\/_next\/static\/chunks\/[^/]+\.css$/.test(new URL(r.url()).pathname));
  const first = await page.goto('/sign-in');
  // The rules are in the page, the link still fetches the file for later without holding up the paint, and
  // the cookie says this browser has it.
  expect(await first!.headerValue('set-cookie')).toMatch(/(^|\n)pp-css=[^;]+; Path=\/; Max-Age=\d+; SameSite=Lax; HttpOnly/);
  const head = () =>
    page.evaluate(() => ({
      inline: [...document.head.querySelectorAll('style')].filter((s) => s.textContent!.includes('@font-face')).length,
      links: [...document.head.querySelectorAll('link[rel="stylesheet"]')].map((l) => (l as HTMLLinkElement).media),
    }));
  expect(await head()).toEqual({ inline: 1, links: ['print'] });
  expect((await stylesheet).status()).toBe(200);
  const signIn = page.getByRole('button', { name: t('auth.signIn.submit') });
  await expect(signIn).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  await expectAccessible(page);

  // The next page links the stylesheet as usual.
  await page.goto('/guidelines');
  expect(await head()).toEqual({ inline: 0, links: [''] });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page);
  // Hydration found what it expected in both pages.
  expect(errors).toEqual([]);
});
