import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { accounts, signIn } from './helpers';
import { t } from './messages';

/**
 * Discussions end to end: an urgent thread reaches another member (home page and notifications, by the
 * background fan-out), who replies with a mention; the author sees the reply as unread; a reported post
 * is hidden by a moderator; a member of another sector gets 404 for a sector space's thread.
 * Uses the government, civil society and moderator demo accounts without changing them.
 */
test.describe.configure({ mode: 'serial' });

const title = `Coordinated advice on sextortion for schools ${Date.now().toString(36)}`;

async function visit(page: Page, path: string) {
  await page.goto(path);
  await expectAccessible(page);
}

test('an urgent thread, a reply with a mention, unread markers, moderation and sector privacy', async ({ page, newPage }) => {
  // A long journey with five people (the moderator's sign-in may wait for a fresh authenticator code).
  test.slow();
  // 1. A government member starts an urgent thread in General discussion.
  await signIn(page, accounts.government);
  await visit(page, '/spaces');
  await page.getByRole('link', { name: 'General discussion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'General discussion' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: t('discussions.space.newThread') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('General discussion');
  await expectAccessible(page);
  await page.getByLabel(t('discussions.editor.title')).fill(title);
  await page
    .getByRole('textbox', { name: t('discussions.editor.body') })
    .fill('Several hotlines see a rise in reports. **Which advice** has worked for schools?');
  await page.getByRole('button', { name: t('discussions.editor.preview') }).click();
  await expect(page.getByRole('region', { name: t('discussions.editor.previewLabel') }).locator('strong')).toHaveText('Which advice');
  await expectAccessible(page);
  await page.getByRole('button', { name: t('discussions.editor.write') }).click();
  await page.getByRole('checkbox', { name: t('discussions.editor.urgent') }).check();
  await page.getByLabel(t('discussions.editor.urgentReason')).fill('Reports rose sharply this week');
  await page.getByRole('button', { name: t('discussions.editor.post') }).click();
  await expect(page).toHaveURL(/\/threads\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Urgent: Reports rose sharply this week')).toBeVisible();
  await expectAccessible(page);
  const threadUrl = new URL(page.url()).pathname;

  // A thread of the government reference group (a sector space), for the privacy check below.
  await visit(page, '/spaces/government-reference-group');
  await page.locator('main ul li a').first().click();
  await expect(page).toHaveURL(/\/threads\//);
  await expectAccessible(page);
  const sectorThreadUrl = new URL(page.url()).pathname;

  // 2. A civil society member sees it on /home and in notifications (fanned out by the job worker).
  const civil = await newPage();
  await signIn(civil, accounts.civil);
  await expect(civil.getByRole('region', { name: t('discussions.home.urgentTitle') }).getByRole('link', { name: title })).toBeVisible();
  await expect(async () => {
    await civil.goto('/notifications');
    await expect(civil.getByRole('link', { name: new RegExp(`marked ${title} urgent`) })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(civil.getByRole('link', { name: /Notifications, \d+ unread/ })).toBeVisible();
  await expectAccessible(civil);
  await civil.getByRole('link', { name: new RegExp(`marked ${title} urgent`) }).click();
  await expect(civil).toHaveURL(new RegExp(`${threadUrl}$`));
  await expectAccessible(civil);

  // Quoting the first post fills the reply box with it (the link is this page's own address, ?quote=).
  const reply = civil.getByRole('textbox', { name: t('discussions.editor.replyTitle') });
  await civil
    .getByRole('group', { name: t('discussions.thread.actionsFor', { number: 1 }) })
    .getByRole('link', { name: t('discussions.thread.quote') })
    .click();
  await expect(civil).toHaveURL(new RegExp(`${threadUrl}\\?quote=[0-9a-f-]{36}#reply$`));
  await expect(reply).toHaveValue(/> .*Which advice/s);
  await reply.fill('');

  // …and replies, mentioning the author by typing "@" and her name in the reply.
  await reply.click();
  await reply.pressSequentially('@Sofia Mar');
  const option = civil.getByRole('listbox', { name: t('discussions.editor.mentionListLabel') }).getByRole('option', { name: /Sofia Marín/ });
  await expect(option).toBeVisible();
  await expect(reply).toHaveAttribute('aria-activedescendant', /.+/);
  await expectAccessible(civil, { include: 'main' });
  // Other demo people are called Sofia too: she is chosen with the arrows (the active option is the one read out).
  for (let i = 0; i < 10 && (await option.getAttribute('aria-selected')) !== 'true'; i++) await reply.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await reply.press('Enter');
  await expect(reply).toHaveValue(/\[@Sofia Marín\]\(\/people\/[0-9a-f-]{36}\) $/);
  await reply.press('End');
  await reply.pressSequentially('our school guidance is in the resource library.');
  await civil.getByRole('button', { name: t('discussions.editor.reply') }).click();
  await expect(civil).toHaveURL(/#post-2$/);
  await expect(civil.locator('#post-2').getByRole('link', { name: '@Sofia Marín' })).toBeVisible();
  await expectAccessible(civil);

  // 3. The author sees the reply as unread in the space, and the mention in notifications.
  await visit(page, '/spaces/general-discussion');
  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
  await expect(row.getByText('1 unread')).toBeVisible();
  await expect(async () => {
    await page.goto('/notifications');
    await expect(page.getByRole('link', { name: new RegExp(`Priya Raman mentioned you in ${title}`) })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(page);

  // 4. The civil society member reports the first post…
  await civil
    .locator('#post-1')
    .getByRole('link', { name: t('discussions.thread.report') })
    .click();
  await expectAccessible(civil);
  await civil.getByLabel(t('discussions.report.reason')).fill('Please check this wording before schools see it.');
  await civil.getByRole('button', { name: t('discussions.report.submit') }).click();
  await expect(civil.getByText(t('discussions.report.sent'))).toBeVisible();
  await expectAccessible(civil);

  // …and a moderator hides it from the moderation queue.
  const moderator = await newPage();
  await signIn(moderator, accounts.moderator);
  await visit(moderator, '/admin/moderation');
  const report = moderator.getByRole('article').filter({ hasText: 'Please check this wording before schools see it.' });
  await report.getByLabel(t('discussions.moderation.hideReason')).fill('Moved to the guidance draft.');
  await report.getByRole('button', { name: t('discussions.moderation.hide') }).click();
  await expect(report.getByText('Hidden: Moved to the guidance draft.')).toBeVisible();
  await expect(report.getByRole('button', { name: t('discussions.moderation.restore') })).toBeVisible();
  await report.getByRole('button', { name: t('discussions.moderation.resolve') }).click();
  await expect(moderator.getByText('Please check this wording before schools see it.')).toHaveCount(0);
  await expectAccessible(moderator);
  await civil.goto(threadUrl);
  await expect(civil.locator('#post-1')).toContainText(t('discussions.thread.hiddenPlaceholder'));
  await expectAccessible(civil);

  // 5. A member of another sector gets 404 for a thread of the government reference group.
  const response = await civil.goto(sectorThreadUrl);
  expect(response?.status()).toBe(404);
  await expect(civil.getByRole('heading', { level: 1, name: t('errors.pageNotFound') })).toBeVisible();
  await expectAccessible(civil);
  // Members are not moderators: the moderation page does not exist for them.
  expect((await civil.goto('/admin/moderation'))?.status()).toBe(404);
  await expectAccessible(civil);
});
