import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { E2E_OUTBOX_DIR } from './env';
import { expect, expectAccessible, test } from './fixtures';
import { accounts, signIn } from './helpers';
import { t } from './messages';

/**
 * Notification emails end to end (the e2e server sends them without delay): a member follows an open
 * space post by post from /settings/notifications; another member starts a thread there; the email
 * arrives with a text part, a reason, threading and one-click unsubscribe headers; one click (no
 * cookies) turns those emails off, and the page behind the email's link does too. A new thread in a
 * request-only space reaches a follower with neither its title nor its body.
 * Uses justice (follows Research and data) and government (follows the working group); neither change
 * matters to the other specs.
 */
test.describe.configure({ mode: 'serial' });

interface OutboxEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** The email to `to` that `match` accepts, once the outbox worker has written it. */
async function emailMatching(to: string, match: (e: OutboxEmail) => boolean): Promise<OutboxEmail> {
  let found: OutboxEmail | undefined;
  await expect
    .poll(
      () => {
        for (const file of readdirSync(E2E_OUTBOX_DIR).filter((f) => f.endsWith('.json'))) {
          const email = JSON.parse(readFileSync(path.join(E2E_OUTBOX_DIR, file), 'utf8')) as OutboxEmail;
          if (email.to.toLowerCase() === to.toLowerCase() && match(email)) found = email;
        }
        return !!found;
      },
      { message: `an email to ${to}`, timeout: 30_000, intervals: [500, 1000] },
    )
    .toBe(true);
  return found!;
}

async function followEveryPost(page: Page, slug: string, spaceName: string) {
  await page.goto(`/spaces/${slug}`);
  await expectAccessible(page);
  const follow = page.getByRole('button', { name: t('discussions.space.follow') });
  if (await follow.isVisible()) await follow.click();
  await expect(page.getByRole('button', { name: t('discussions.space.unfollow') })).toBeVisible();
  await page.goto('/settings/notifications');
  await expect(page.getByRole('heading', { level: 1, name: t('notify.settings.title') })).toBeVisible();
  await expect(page.getByText(t('notify.settings.mailboxNote'))).toBeVisible();
  await expectAccessible(page);
  const form = page.locator('form').filter({ has: page.getByLabel(spaceName, { exact: true }) });
  await form.getByLabel(spaceName, { exact: true }).selectOption('every_post');
  await form.getByRole('button', { name: t('notify.settings.saveSpace') }).click();
  await expect(form.getByText(t('notify.settings.spaceSaved'))).toBeVisible();
}

async function startThread(page: Page, slug: string, title: string, body: string) {
  await page.goto(`/spaces/${slug}/new`);
  await expectAccessible(page);
  await page.getByLabel(t('discussions.editor.title')).fill(title);
  await page.getByRole('textbox', { name: t('discussions.editor.body') }).fill(body);
  await page.getByRole('button', { name: t('discussions.editor.post') }).click();
  await expect(page).toHaveURL(/\/threads\/[0-9a-f-]{36}$/);
  await expectAccessible(page);
  return new URL(page.url()).pathname.split('/').pop()!;
}

test('a followed space emails each new post, with trustworthy headers and a one-click unsubscribe', async ({ page, newPage, request }) => {
  const stamp = Date.now().toString(36);
  await signIn(page, accounts.justice);
  await followEveryPost(page, 'research-and-data', 'Research and data');

  const author = await newPage();
  await signIn(author, accounts.civil);
  const title = `Survey of hotline referral times ${stamp}`;
  const threadId = await startThread(author, 'research-and-data', title, 'We measured referral times across twelve hotlines.');

  const email = await emailMatching(accounts.justice.email, (e) => e.subject.includes(title));
  expect(email.subject).toBe(`New thread in Research and data: ${title}`);
  expect(email.text).toContain('You receive this email because you follow this space.');
  expect(email.text).toContain(`/threads/${threadId}`);
  expect(email.text).toContain('/settings/notifications');
  expect(email.text).not.toContain('twelve hotlines'); // no excerpt unless asked for
  expect(email.html).toContain('<html lang="en" dir="ltr">');
  expect(email.headers!['In-Reply-To']).toMatch(new RegExp(`^<thread\\.${threadId}@`));
  expect(email.headers!['Message-ID']).toMatch(/^<notification\.[0-9a-f-]+@/);
  expect(email.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  const oneClick = email.headers!['List-Unsubscribe']!.replace(/^<|>$/g, '');
  expect(oneClick).toContain('/api/unsubscribe?token=');

  // A forged token changes nothing; the real one works in one click, without cookies.
  const forged = await request.post(oneClick.replace(/token=([^.]+)\.([^.]+)\.(.+)$/, 'token=$1.$2.AAAA$3'), {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'List-Unsubscribe=One-Click',
  });
  expect(forged.status()).toBe(400);
  const done = await request.post(oneClick, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: 'List-Unsubscribe=One-Click' });
  expect(done.status()).toBe(200);
  expect(await done.json()).toMatchObject({ ok: true, kind: 'new_thread' });
  await page.goto('/settings/notifications');
  await expect(page.getByLabel(t('notify.settings.kinds.new_thread'))).toHaveValue('portal');

  // The link in the email's text opens a page with a button (opening it alone changes nothing).
  const anonymous = await newPage();
  const pageLink = email.text.match(/https?:\/\/\S+\/unsubscribe\?token=\S+/)![0];
  await anonymous.goto(pageLink);
  await expect(anonymous.getByRole('heading', { level: 1, name: t('notify.unsubscribe.title') })).toBeVisible();
  await expectAccessible(anonymous);
  await anonymous.getByRole('button', { name: t('notify.unsubscribe.submit') }).click();
  await expect(anonymous.getByText('Done: you will no longer receive emails about new threads in spaces you follow.')).toBeVisible();
  await anonymous.goto('/unsubscribe?token=not-a-real-token-at-all-not-a-real-token-at-all');
  await expect(anonymous.getByText(t('notify.unsubscribe.invalid'))).toBeVisible();
  await expectAccessible(anonymous);
});

test('a new thread in a request-only space is emailed without its title or body', async ({ page, newPage }) => {
  const stamp = Date.now().toString(36);
  await signIn(page, accounts.government);
  await followEveryPost(page, 'model-national-response-working-group', 'Model National Response working group');

  const moderator = await newPage();
  await signIn(moderator, accounts.moderator);
  const title = `Confidential maturity review ${stamp}`;
  const threadId = await startThread(moderator, 'model-national-response-working-group', title, 'Draft findings for the working group only.');

  const email = await emailMatching(accounts.government.email, (e) => e.text.includes(`/threads/${threadId}`));
  expect(email.subject).toBe('A new thread in a restricted space');
  for (const part of [email.subject, email.text, email.html]) {
    expect(part).not.toContain(title);
    expect(part).not.toContain('Draft findings');
    expect(part).not.toContain('Model National Response');
  }
  expect(email.text).toContain('Content from restricted spaces never leaves the portal');
  expect(email.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
});
