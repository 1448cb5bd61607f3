import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { accounts, signIn } from './helpers';
import { t } from './messages';

/**
 * The Chatham House Rule end to end (decision 031): a government member starts a thread under the rule,
 * a civil society member replies; a third member's thread page — its whole HTML, with the RSC payload
 * inlined, and the RSC payload asked for alone — carries neither name nor id nor organisation of either;
 * the author's notification names the replier by sector and region only; search shows no author; a
 * moderator sees the label on the report and reveals the author with a reason.
 * Uses the government, civil society, justice and moderator demo accounts without changing them.
 */
test.describe.configure({ mode: 'serial' });

const word = `quillwort${Date.now().toString(36)}`;
const title = `Off-the-record lessons from takedown requests ${word}`;

async function visit(page: Page, path: string) {
  await page.goto(path);
  await expectAccessible(page);
}

/** A person's id and organisation, as any member finds them in the directory. */
async function personOf(page: Page, name: string): Promise<{ id: string; organisation: string }> {
  await visit(page, `/directory/people?q=${encodeURIComponent(name)}`);
  const href = await page.getByRole('main').getByRole('link', { name, exact: true }).first().getAttribute('href');
  const id = href!.match(/\/people\/([0-9a-f-]{36})/)![1]!;
  await visit(page, `/people/${id}`);
  const organisation = (await page.getByRole('main').locator('a[href^="/organisations/"]').first().textContent())!.trim();
  return { id, organisation };
}

test('a Chatham House thread never gives the author away to other members', async ({ page, newPage }) => {
  test.slow();
  // 1. The government member starts a thread under the rule.
  await signIn(page, accounts.government);
  await visit(page, '/spaces/general-discussion/new');
  await page.getByLabel(t('discussions.editor.title')).fill(title);
  await page.getByRole('textbox', { name: t('discussions.editor.body') }).fill(`What has worked, said without names: ${word}.`);
  await page.getByRole('checkbox', { name: t('discussions.editor.chatham') }).check();
  await page.getByRole('button', { name: t('discussions.editor.post') }).click();
  await expect(page).toHaveURL(/\/threads\/[0-9a-f-]{36}$/);
  const threadUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { name: t('discussions.chatham.banner') })).toBeVisible();
  await expect(page.locator('#post-1 h3')).toContainText(t('discussions.chatham.you'));
  await expectAccessible(page);

  // 2. A civil society member replies: they see the author as "A country government, …".
  const civil = await newPage();
  await signIn(civil, accounts.civil);
  await visit(civil, threadUrl);
  await expect(civil.locator('#post-1 h3')).toContainText(/A country government/);
  await expect(civil.locator('#post-1')).not.toContainText(accounts.government.name);
  await civil.getByRole('textbox', { name: t('discussions.editor.replyTitle') }).fill(`Our hotline agrees about ${word}.`);
  await civil.getByRole('button', { name: t('discussions.editor.reply') }).click();
  await expect(civil).toHaveURL(/#post-2$/);
  await expect(civil.locator('#post-2 h3')).toContainText(t('discussions.chatham.you'));
  await expectAccessible(civil);

  // 3. A third member: the page shows labels, and nothing in the whole response names or identifies either.
  const third = await newPage();
  await signIn(third, accounts.justice);
  const author = await personOf(third, accounts.government.name);
  const replier = await personOf(third, accounts.civil.name);
  await visit(third, threadUrl);
  await expect(third.locator('#post-1 h3')).toContainText(/A country government/);
  await expect(third.locator('#post-2 h3')).toContainText(/A civil society organisation/);
  const secrets = [accounts.government.name, author.id, author.organisation, accounts.civil.name, replier.id, replier.organisation];
  const html = await (await third.request.get(threadUrl)).text();
  expect(html).toContain(word);
  const rsc = await (await third.request.get(threadUrl, { headers: { RSC: '1' } })).text();
  expect(rsc).toContain(word);
  for (const body of [html, rsc]) for (const secret of secrets) expect(body).not.toContain(secret);

  // …nor does the space's thread list, nor search. Only this thread's entry is read, in the page and in its
  // RSC payload: journeys running beside this one post in the same space under these members' names.
  await visit(third, '/spaces/general-discussion');
  const row = await third.locator('li.thread-row', { hasText: title }).evaluate((li) => li.outerHTML);
  const spaceRsc = await (await third.request.get('/spaces/general-discussion', { headers: { RSC: '1' } })).text();
  const entryAt = spaceRsc.indexOf(`"id":"${threadUrl.split('/').pop()}"`);
  const entry = spaceRsc.slice(entryAt, spaceRsc.indexOf('"languageLabel"', entryAt));
  for (const body of [row, entry]) {
    expect(body).toContain(title);
    for (const secret of [accounts.government.name, accounts.civil.name]) expect(body).not.toContain(secret);
  }
  await visit(third, `/search?q=${word}`);
  await expect(
    third
      .getByRole('main')
      .getByRole('link', { name: new RegExp(word) })
      .first(),
  ).toBeVisible();
  const search = await (await third.request.get(`/search?q=${word}`)).text();
  for (const secret of secrets) expect(search).not.toContain(secret);
  // Filtering by the author finds none of their Chatham House posts.
  await visit(third, `/search?q=${word}&author=${author.id}`);
  await expect(third.getByRole('main').getByRole('link', { name: new RegExp(word) })).toHaveCount(0);

  // 4. The author's notification names the replier by sector and region only.
  await expect(async () => {
    await page.goto('/notifications');
    await expect(page.getByRole('link', { name: new RegExp(`^A civil society organisation.* replied in ${title}`) })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(page);
  const notifications = await (await page.request.get('/notifications')).text();
  for (const secret of [accounts.civil.name, replier.id, replier.organisation]) expect(notifications).not.toContain(secret);

  // 5. The third member reports the first post; a moderator sees the label and reveals the author, with a reason.
  await visit(third, threadUrl);
  await third
    .locator('#post-1')
    .getByRole('link', { name: t('discussions.thread.report') })
    .click();
  await expectAccessible(third);
  const reportReason = `Might identify a case ${word}`;
  await third.getByLabel(t('discussions.report.reason')).fill(reportReason);
  await third.getByRole('button', { name: t('discussions.report.submit') }).click();
  await expect(third.getByText(t('discussions.report.sent'))).toBeVisible();
  await expectAccessible(third);

  const moderator = await newPage();
  await signIn(moderator, accounts.moderator);
  await visit(moderator, '/admin/moderation');
  const report = moderator.getByRole('article').filter({ hasText: reportReason });
  await expect(report.getByRole('heading')).toContainText(/A country government/);
  await expect(report).not.toContainText(accounts.government.name);
  await report.getByText(/Chatham House Rule: the author is shown as/).click();
  await report.getByLabel(t('discussions.admin.revealReason')).fill('The reporter says the post may identify a case');
  await report.getByRole('button', { name: t('discussions.admin.reveal') }).click();
  await expect(report.getByText(`Written by ${accounts.government.name}, ${author.organisation}.`, { exact: false })).toBeVisible();
  await expectAccessible(moderator);
  await report.getByRole('button', { name: t('discussions.moderation.resolve') }).click();
  await expect(moderator.getByText(reportReason)).toHaveCount(0);
});
