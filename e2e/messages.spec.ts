import { readFileSync } from 'node:fs';
import { createTranslator } from 'next-intl';
import { expect, expectAccessible, test } from './fixtures';
import { accounts, formMessage, signIn } from './helpers';
import { t } from './messages';
import { minimalPdf } from '../testing/uploads';

/**
 * Direct messages end to end (decision 023): a government member finds a civil-society member in the
 * directory, writes to them from their profile; the second sees the header badge, opens the
 * conversation and replies; the first sees the unread badge and the reply, and the badge goes once read.
 * Then a group: a member starts it with two others, writes seven messages; one of the others reports
 * the last; a moderator sees that message and the five before it in the moderation queue, nothing more,
 * and the conversation itself is a 404 for them. Every page is checked with axe. Uses government, civil
 * and justice (who may be unlisted meanwhile: the unlisted can still write) and the moderator; their
 * conversations change nothing the other specs look at.
 */
test.describe.configure({ mode: 'serial' });

/** English messages with plural forms (e2e/messages.ts `t` fills simple arguments only). */
const plural = createTranslator({
  locale: 'en',
  messages: { messages: JSON.parse(readFileSync('messages/en/messages.json', 'utf8')) as Record<string, unknown> },
  namespace: 'messages',
}) as unknown as (key: string, values: Record<string, number>) => string;
test('a government member writes to a civil-society member, who replies; the first sees the badge and the reply', async ({ page, newPage }) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const first = `Could we compare notes on hotline referrals before the meeting? ${stamp}`;
  const reply = `Yes, gladly: Thursday suits our team. ${stamp}`;
  const unreadOne = plural('nav.unread', { count: 1 });

  await signIn(page, accounts.government);
  await page.goto(`/directory/people?q=${encodeURIComponent(accounts.civil.name)}`);
  await expectAccessible(page);
  await page.getByRole('main').getByRole('link', { name: accounts.civil.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: accounts.civil.name })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: t('messages.block.message'), exact: true }).click();
  await expect(page).toHaveURL(/\/messages\/new\?to=/);
  await expect(page.getByRole('list', { name: t('messages.new.chosen') })).toContainText(accounts.civil.name);
  await expectAccessible(page);
  await page.getByRole('textbox', { name: t('messages.new.body'), exact: true }).fill(first);
  await page.getByRole('button', { name: t('messages.new.send'), exact: true }).click();
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}/);
  await expect(page.getByText(first)).toBeVisible();
  await expectAccessible(page);
  const conversationPath = new URL(page.url()).pathname;

  const civil = await newPage();
  await signIn(civil, accounts.civil);
  await civil.getByRole('link', { name: unreadOne }).click();
  await expect(civil).toHaveURL(/\/messages$/);
  await expect(civil.locator('main').getByText(plural('inbox.unread', { count: 1 }), { exact: true })).toBeVisible();
  await expectAccessible(civil);
  await civil.getByRole('link', { name: accounts.government.name, exact: true }).click();
  await expect(civil).toHaveURL(new RegExp(`${conversationPath}`));
  await expect(civil.getByText(first)).toBeVisible();
  await civil.getByRole('textbox', { name: t('messages.conversation.write'), exact: true }).fill(reply);
  await civil.getByRole('button', { name: t('messages.conversation.send'), exact: true }).click();
  await expect(civil.getByText(reply)).toBeVisible();
  await expectAccessible(civil);

  // The first member: the header badge, the inbox's unread count, then the reply; once read, the badge goes.
  await page.goto('/home');
  await page.getByRole('link', { name: unreadOne }).click();
  await expect(page.locator('main').getByText(plural('inbox.unread', { count: 1 }), { exact: true })).toBeVisible();
  await page.getByRole('link', { name: accounts.civil.name, exact: true }).click();
  await expect(page.getByText(reply)).toBeVisible();
  await expectAccessible(page);
  await page.goto('/home');
  await expect(page.getByRole('link', { name: t('messages.nav.messages'), exact: true })).toBeVisible();

  // Someone outside the conversation gets the 404 every hidden page gets.
  const outsider = await newPage();
  await signIn(outsider, accounts.justice);
  const response = await outsider.goto(conversationPath);
  expect(response?.status()).toBe(404);
  await expectAccessible(outsider);
});

test('a participant reports a message in a group; a moderator sees only the excerpt', async ({ page, newPage }) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const subject = `Hotline handover plan ${stamp}`;
  const line = (n: number) => `Group note ${n} on referral coordination ${stamp}`;

  await signIn(page, accounts.justice);
  await page.goto('/messages/new');
  const find = page.getByRole('combobox', { name: t('messages.new.find') });
  for (const person of [accounts.government, accounts.civil]) {
    await find.fill(person.name);
    await expect(page.getByRole('option', { name: new RegExp(person.name) })).toBeVisible();
    await find.press('Enter');
    await expect(page.getByRole('list', { name: t('messages.new.chosen') })).toContainText(person.name);
  }
  await page.getByRole('textbox', { name: t('messages.new.subject') }).fill(subject);
  await expectAccessible(page);
  await page.getByRole('textbox', { name: t('messages.new.body'), exact: true }).fill(line(1));
  await page.getByRole('button', { name: t('messages.new.send'), exact: true }).click();
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  const conversationPath = new URL(page.url()).pathname;
  const composer = page.getByRole('textbox', { name: t('messages.conversation.write'), exact: true });
  for (let n = 2; n <= 7; n++) {
    await expect(composer).toHaveValue('');
    await composer.fill(line(n));
    await page.getByRole('button', { name: t('messages.conversation.send'), exact: true }).click();
    await expect(page.getByText(line(n))).toBeVisible();
  }
  await expectAccessible(page);

  const civil = await newPage();
  await signIn(civil, accounts.civil);
  await civil.goto(conversationPath);
  const last = civil.getByRole('article').filter({ hasText: line(7) });
  await last.getByText(t('messages.conversation.report'), { exact: true }).click();
  await last.getByRole('textbox', { name: t('messages.report.reason') }).fill('Shares more about a case than the guidelines allow');
  await last.getByRole('button', { name: t('messages.report.submit') }).click();
  await expect(formMessage(civil, t('messages.report.sent'))).toBeVisible();
  await expectAccessible(civil);

  const moderator = await newPage();
  await signIn(moderator, accounts.moderator);
  await moderator.goto('/admin/moderation');
  const queue = moderator.getByRole('region', { name: t('messages.moderation.title') });
  const report = queue.getByRole('article').filter({ hasText: line(7) });
  for (let n = 2; n <= 7; n++) await expect(report.getByText(line(n))).toBeVisible();
  await expect(report.getByText(line(1))).toHaveCount(0);
  await expect(report.getByText(subject)).toHaveCount(0);
  await expect(report.getByRole('link')).toHaveCount(0);
  await expectAccessible(moderator);
  const response = await moderator.goto(conversationPath);
  expect(response?.status()).toBe(404);
});

/** Nothing wider than a 360 px phone screen: no horizontal scrolling. */
async function fitsPhone(page: import('@playwright/test').Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test('on a 360 px screen: a file sent in a message arrives live for the recipient, who downloads it; nobody else can', async ({ page, newPage }) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const text = `The referral guide we discussed, attached. ${stamp}`;
  const pdf = minimalPdf(`Referral guide ${stamp}`);

  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, accounts.government);
  await page.goto('/messages/new');
  await expect(page.getByRole('heading', { level: 1, name: t('messages.new.title') })).toBeVisible();
  await fitsPhone(page);
  await expectAccessible(page);
  await page.goto('/messages');
  await fitsPhone(page);
  await expectAccessible(page);
  await page.getByRole('link', { name: accounts.civil.name, exact: true }).click();
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}/);
  await fitsPhone(page);
  const conversationPath = new URL(page.url()).pathname;

  // The recipient has the conversation open, on a phone too.
  const civil = await newPage();
  await civil.setViewportSize({ width: 360, height: 740 });
  await signIn(civil, accounts.civil);
  await civil.goto(conversationPath);
  await expect(civil.getByRole('textbox', { name: t('messages.conversation.write'), exact: true })).toBeVisible();
  await fitsPhone(civil);

  await page
    .getByLabel(t('messages.attachments.label'), { exact: true })
    .setInputFiles({ name: 'referral-guide.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByText(/referral-guide\.pdf.*attached/)).toBeVisible();
  await fitsPhone(page);
  await expectAccessible(page);
  await page.getByRole('textbox', { name: t('messages.conversation.write'), exact: true }).fill(text);
  await page.getByRole('button', { name: t('messages.conversation.send'), exact: true }).click();
  await expect(page.getByText(text)).toBeVisible();
  const link = page.getByRole('link', { name: /^referral-guide\.pdf/ });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);
  await fitsPhone(page);

  // Live: the open conversation says a new message came; showing it marks nothing lost.
  await civil.getByRole('button', { name: plural('live.newMessages', { count: 1 }) }).click();
  await expect(civil.getByText(text)).toBeVisible();
  await fitsPhone(civil);
  await expectAccessible(civil);
  const [download] = await Promise.all([civil.waitForEvent('download'), civil.getByRole('link', { name: /^referral-guide\.pdf/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const { readFile } = await import('node:fs/promises');
  expect((await readFile((await download.path())!)).equals(pdf)).toBe(true);

  // Anyone else — a member outside the conversation, a moderator — gets a 404 for the file.
  for (const who of [accounts.justice, accounts.moderator]) {
    const other = await newPage();
    await signIn(other, who);
    expect((await other.request.get(href!, { headers: { 'sec-fetch-site': 'same-origin' } })).status()).toBe(404);
  }
});
