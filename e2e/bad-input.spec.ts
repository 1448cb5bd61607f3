import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { accounts, formMessage, signIn } from './helpers';
import { t } from './messages';

/**
 * What probing the portal from outside found: a NUL byte in a search, a form sent by a client that
 * ignores maxlength, and a malformed percent escape in a route's parameter. Each is answered like any
 * other mistake, never with an error page. Accounts are only signed in to: nothing is saved.
 */

test('a NUL byte in a search or list address is ignored', async ({ page }) => {
  await signIn(page, accounts.admin);
  const pages: [string, string][] = [
    ['/search?q=%00', t('discussions.search.title')],
    ['/resources?q=%00&cursor=%00', t('resources.title')],
    ['/directory?q=%00', t('directory.title')],
    ['/directory/people?q=a%00b', t('directory.people.title')],
    ['/admin/users?q=%00', t('admin.users.title')],
    ['/admin/organisations?q=%00', t('admin.organisations.title')],
    ['/admin/audit?actor=%00', t('admin.audit.title')],
  ];
  for (const [path, heading] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page);
  }
});

test('a form sent past its maxlength gets a sentence, however large', async ({ page }) => {
  await signIn(page, accounts.civil);
  await page.goto('/resources/new');
  await expect(page.getByRole('heading', { level: 1, name: t('resources.form.newTitle') })).toBeVisible();
  await page.getByRole('radio', { name: t('resources.form.kindLink') }).check();
  await page.getByLabel(t('resources.form.url')).fill('https://www.example.org/too-long');
  await page.getByLabel(t('resources.form.titleField')).fill('Too long to share');
  const description = page.getByLabel(t('resources.form.description'));
  // Lines of text (one unbroken word of a million letters takes the browser seconds to lay out), in a
  // field taken out of the layout first: what is sent is the point, and laying out megabytes of text
  // took a busy CI machine longer than a click may wait.
  const overfill = (characters: number) =>
    description.evaluate((field: HTMLTextAreaElement, n) => {
      field.removeAttribute('maxlength');
      field.style.display = 'none';
      field.value = `${'x'.repeat(79)}\n`.repeat(n / 80);
    }, characters);

  // Over Next's former 1 MB, under the door's limit: the field says how long it may be.
  await overfill(1_100_000);
  await page.getByRole('button', { name: t('resources.form.submit') }).click();
  await expect(page.getByText(/^Enter at most 20,?000 characters\.$/)).toBeVisible();
  await expect(formMessage(page, t('errors.checkFields'))).toBeVisible();
  await expectAccessible(page);

  // Over the door's limit: one sentence for the whole form.
  await overfill(2_200_000);
  await page.getByRole('button', { name: t('resources.form.submit') }).click();
  await expect(formMessage(page, t('errors.tooLarge', { max: 2 }))).toBeVisible();
  await expect(page).toHaveURL(/\/resources\/new$/);
  await expectAccessible(page);
});

/** Every dynamic route of the app (a page.tsx or route.ts under a [param] folder), as a path template. */
function dynamicRoutes(dir = 'app', prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const segment = /^\(.+\)$/.test(entry.name) ? '' : `/${entry.name}`;
    if (entry.isDirectory()) found.push(...dynamicRoutes(path.join(dir, entry.name), prefix + segment));
    else if (/^(page\.tsx|route\.ts)$/.test(entry.name) && prefix.includes('[')) found.push(prefix);
  }
  return found;
}

test('a malformed escape in any route parameter is a 404, not a 500', async ({ page }) => {
  await signIn(page, accounts.civil);
  const routes = dynamicRoutes();
  expect(routes).toContain('/threads/[id]/posts/[postId]/edit');
  for (const route of routes) {
    for (const bad of ['%zz', '%E0%A4%A', '%']) {
      const target = route.replace(/\[(\.\.\.)?[^\]]+\]/g, bad);
      const response = await page.request.get(target, { maxRedirects: 0 });
      // Auth.js answers an unknown action of its own with 400; everything else of ours with the 404 page.
      expect(response.status(), target).toBe(route.startsWith('/api/auth/') ? 400 : 404);
      expect(await response.text(), target).not.toContain('Internal Server Error');
    }
  }
  const response = await page.goto('/threads/%zz');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page);
});
