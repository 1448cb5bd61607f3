import { POSTING_LIMITS } from '../lib/dal/discussions/limits';
import { expect, expectAccessible, test } from './fixtures';
import { accounts, signIn } from './helpers';
import { t } from './messages';

/**
 * Live updates end to end: a member has a thread open; another member replies in a second browser; the
 * reader's page shows a "1 new reply" bar (announced by a polite status) without a reload, keeps the
 * page as it was until asked, then shows the reply and moves focus to it. The header's count follows
 * the reader's notifications live. Uses justice (author) and civil (reader) without changing them.
 */
test('a reply posted in another browser appears live in an open thread, announced', async ({ page, newPage }) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const title = `Live coordination of takedown requests ${stamp}`;

  const author = await newPage();
  await signIn(author, accounts.justice);
  await author.goto('/spaces/research-and-data/new');
  await expectAccessible(author);
  await author.getByLabel(t('discussions.editor.title')).fill(title);
  await author.getByRole('textbox', { name: t('discussions.editor.body') }).fill('Who is watching the queue this weekend?');
  await author.getByRole('button', { name: t('discussions.editor.post') }).click();
  await expect(author).toHaveURL(/\/threads\/[0-9a-f-]{36}$/);
  const threadPosted = Date.now();
  await expectAccessible(author);
  const threadPath = new URL(author.url()).pathname;

  await signIn(page, accounts.civil);
  // The page's one event stream answers before the reply is posted.
  const stream = page.waitForResponse((r) => r.url().includes('/api/events?thread=') && r.status() === 200);
  await page.goto(threadPath);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  expect((await stream).headers()['content-type']).toBe('text/event-stream; charset=utf-8');
  const posts = page.locator('main ol > li');
  await expect(posts).toHaveCount(1);

  const reply = 'I am on the queue on Saturday; Sunday is still open.';
  // The author's reply waits out the posting limit (posts closer than POSTING_LIMITS.postSeconds are
  // refused): the reader may have opened the thread sooner than that.
  await author.waitForTimeout(Math.max(0, threadPosted + POSTING_LIMITS.postSeconds * 1000 + 250 - Date.now()));
  await author.getByRole('textbox', { name: t('discussions.editor.replyTitle') }).fill(reply);
  await author.getByRole('button', { name: t('discussions.editor.reply') }).click();
  await expect(author.locator('#post-2'), 'the reply is stored as the second post').toContainText(reply);

  // The reader's page: a bar and a polite announcement, the reply not yet put into the page.
  const bar = page.getByRole('button', { name: 'Show 1 new reply' });
  await expect(bar).toBeVisible({ timeout: 5_000 });
  await expect(page.getByRole('status').filter({ hasText: '1 new reply in this thread' })).toHaveCount(1);
  await expect(posts).toHaveCount(1);
  await expectAccessible(page);
  await bar.click();
  await expect(posts).toHaveCount(2);
  await expect(page.locator('#post-2')).toBeFocused();
  await expect(page.locator('#post-2')).toContainText(reply);
  await expect(bar).toHaveCount(0);
  await expectAccessible(page);
});

test('the event stream answers signed-in members only, never from another site', async ({ request }) => {
  const anonymous = await request.get('/api/events');
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()['cache-control']).toBe('private, no-store');
  expect(await anonymous.json()).toMatchObject({ error: 'unauthorized' });
  const crossSite = await request.get('/api/events', { headers: { 'sec-fetch-site': 'cross-site' } });
  expect(crossSite.status()).toBe(403);
});
