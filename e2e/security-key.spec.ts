import type { Page } from '@playwright/test';
import { checkedAlready, expect, expectAccessible, test } from './fixtures';
import { DEMO_PASSWORD } from './helpers';
import { tIn, type Locale, type MessageKey } from './messages';

/** pt@demo.example reads the portal in Portuguese; no other spec uses it. Its factors are back to none at the end. */
const member = { email: 'pt@demo.example', name: 'Rafael Costa' };
const LOCALES: Locale[] = ['en', 'pt'];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message in English or Portuguese (the signed-out pages follow the browser, the member's pages their language). */
const either = (key: MessageKey, values: Record<string, string> = {}) =>
  new RegExp(`^(${LOCALES.map((l) => escape(tIn(l, key, values))).join('|')})$`);

async function passwordStep(page: Page): Promise<void> {
  await page.goto('/sign-in');
  if (!checkedAlready('/sign-in')) await expectAccessible(page);
  await page.locator('input[name="email"]').fill(member.email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: either('auth.signIn.submit') }).click();
}

// One account for both tests: one after the other.
test.describe.configure({ mode: 'serial' });

test('a browser without WebAuthn is told so instead of failing', async ({ page }) => {
  await page.addInitScript(() => {
    // @ts-expect-error -- simulating a browser without the API
    delete window.PublicKeyCredential;
  });
  await passwordStep(page);
  await expect(page).toHaveURL(/\/home$/);
  if (!checkedAlready('/home')) await expectAccessible(page);
  await page.goto('/settings/security');
  await expect(page.getByText(tIn('pt', 'security.keys.unsupported'))).toBeVisible();
  await expect(page.getByRole('button', { name: tIn('pt', 'security.keys.add') })).toHaveCount(0);
  await expectAccessible(page);
});

test('a member adds a security key, signs in with the password and the key, sees it listed by name and removes it', async ({ page }) => {
  test.slow();
  // Chromium's virtual authenticator answers navigator.credentials like a USB key that verifies its user.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'usb', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });

  await test.step('the member (no factor yet) signs in with the password alone and adds a named key on /settings/security', async () => {
    await passwordStep(page);
    await expect(page).toHaveURL(/\/home$/);
    if (!checkedAlready('/home')) await expectAccessible(page);
    await page.goto('/settings/security');
    await expect(page.getByRole('heading', { level: 2, name: tIn('pt', 'security.keys.title') })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel(tIn('pt', 'security.keys.name'), { exact: true }).fill('Chave azul');
    await page.getByRole('button', { name: tIn('pt', 'security.keys.add') }).click();
    await expect(page.getByText(tIn('pt', 'security.keys.added'))).toBeVisible();
    // The first factor comes with recovery codes, shown once.
    await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
    await expectAccessible(page);
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    await page.reload();
    await expect(page.getByText('Chave azul', { exact: true })).toBeVisible();
  });

  await test.step('signed out, the password alone no longer signs in: the key does', async () => {
    await page.getByRole('button', { name: tIn('pt', 'nav.account', { name: member.name }) }).click();
    await page.getByRole('menuitem', { name: tIn('pt', 'nav.signOut') }).click();
    await expect(page).toHaveURL(/\/sign-in\?notice=signedOut$/);
    await expectAccessible(page);
    await passwordStep(page);
    await expect(page).toHaveURL(/\/sign-in\/second-factor/);
    const useKey = page.getByRole('button', { name: either('security.keys.use') });
    await expect(useKey).toBeVisible();
    await expectAccessible(page);
    await useKey.click();
    await expect(page).toHaveURL(/\/home$/);
    if (!checkedAlready('/home')) await expectAccessible(page);
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials[0]!.signCount).toBeGreaterThan(0);
  });

  await test.step('the key is listed with its name and last use, and can be removed', async () => {
    await page.goto('/settings/security');
    const item = page.getByRole('listitem').filter({ hasText: 'Chave azul' });
    await expect(item).toContainText(tIn('pt', 'security.factors.kinds.webauthn'));
    await expectAccessible(page);
    await item.getByRole('button', { name: tIn('pt', 'security.factors.removeLabel', { name: 'Chave azul' }) }).click();
    // (The row, with its message, goes: the list now says there is none.)
    await expect(page.getByText(tIn('pt', 'security.factors.none'))).toBeVisible();
    await expectAccessible(page);
  });
});
