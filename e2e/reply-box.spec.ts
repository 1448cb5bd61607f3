import type { Route } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { accounts, signIn } from './helpers';
import { t } from './messages';

/**
 * The reply box loads the editor's code only when it is needed (issue 17): the thread page's own scripts
 * leave it out, and the box is a plain field until it arrives. Here every script the page's HTML does not
 * name is held back, so the member types into the plain field first; when the editor arrives it keeps the
 * text, the focus and the caret, and an "@name" typed before it came opens the mention list.
 */
test('the reply box: typing before the editor arrives loses nothing', async ({ page }) => {
  await signIn(page, accounts.civil);
  const space = await (await page.request.get('/spaces/general-discussion')).text();
  const threadUrl = new URL(/href="(\/threads\/[0-9a-f-]{36})">Welcome: introduce yourself and your work</.exec(space)![1]!, page.url()).href;

  // The scripts the page's HTML names load as usual; any other (the editor's chunk) waits for the release.
  const html = await (await page.request.get(threadUrl)).text();
  const named = new Set([...html.matchAll(/\bsrc="([^"]+\.js)"/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&'), threadUrl).pathname));
  const held: Route[] = [];
  let released = false;
  await page.route('**/_next/static/chunks/**', (route) => {
    const { pathname } = new URL(route.request().url());
    if (released || !pathname.endsWith('.js') || named.has(pathname)) return route.continue();
    held.push(route);
  });
  // Not waiting for `load`: a held script keeps it from firing.
  await page.goto(threadUrl, { waitUntil: 'domcontentloaded' });
  // The page has hydrated and the box is near: the editor is asked for (and held).
  await expect.poll(() => held.length, { message: 'the editor is asked for once the reply box is near' }).toBeGreaterThan(0);

  const reply = page.getByRole('textbox', { name: t('discussions.editor.replyTitle') });
  const bold = page.getByRole('button', { name: new RegExp(t('discussions.editor.bold')) });
  await reply.click();
  await reply.pressSequentially('Thank you @Sofia Mar');
  await expect(reply).toHaveValue('Thank you @Sofia Mar');
  await expect(bold).toHaveCount(0);
  await expectAccessible(page);

  released = true;
  for (const route of held.splice(0)) await route.continue();
  await expect(bold).toBeVisible();
  await expect(reply).toHaveValue('Thank you @Sofia Mar');
  await expect(reply).toBeFocused();
  const option = page.getByRole('listbox', { name: t('discussions.editor.mentionListLabel') }).getByRole('option', { name: /Sofia Marín/ });
  await expect(option).toBeVisible();
  await reply.press('Escape');
  await reply.pressSequentially(', noted.');
  await expect(reply).toHaveValue('Thank you @Sofia Mar, noted.');
});
