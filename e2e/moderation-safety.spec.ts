import { expect, expectAccessible, test } from './fixtures';
import { accounts, formMessage, signIn, submitSignIn } from './helpers';
import { t } from './messages';

/**
 * Moderation that protects moderators (decision 029): a member reports a thread, a profile and an
 * organisation; a moderator finds all three in the queue, the organisation's logo blurred until revealed,
 * warns the reported member (who reads the warning) and suspends them for three days (their session ends,
 * and sign-in says until when); the admin finds both on the member's page. This spec owns the reporter
 * and reported demo accounts; it uses the moderator and admin without changing them.
 */
const reporter = accounts.reporter;
const reported = accounts.reported;
const threadTitle = 'Regional webinar on national response frameworks: recordings and slides';

test('reports of every kind, blurred images, a warning and a temporary suspension', async ({ page, newPage }) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const report = async (kind: 'thread' | 'person' | 'organisation', reason: string) => {
    const control = page.locator('details').filter({ hasText: t(`discussions.report.control.${kind}`) });
    await control.getByText(t(`discussions.report.control.${kind}`)).click();
    await control.getByLabel(t('discussions.report.reason')).fill(reason);
    await expectAccessible(page);
    await control.getByRole('button', { name: t('discussions.report.submit') }).click();
    await expect(formMessage(page, t('discussions.report.sent'))).toBeVisible();
  };

  // 1. A member reports a thread, a profile and that person's organisation.
  await signIn(page, reporter);
  await page.goto('/spaces/general-discussion');
  await expectAccessible(page);
  await page.getByRole('main').getByRole('link', { name: threadTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: threadTitle })).toBeVisible();
  await report('thread', `Thread concern ${stamp}`);

  await page.goto(`/directory/people?q=${encodeURIComponent(reported.name)}`);
  await expectAccessible(page);
  await page.getByRole('main').getByRole('link', { name: reported.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: reported.name })).toBeVisible();
  await report('person', `Profile concern ${stamp}`);
  await page.getByRole('main').locator('a[href^="/organisations/"]').first().click();
  await expect(page).toHaveURL(/\/organisations\//);
  await report('organisation', `Organisation concern ${stamp}`);

  // The reported member is signed in elsewhere.
  const member = await newPage();
  await signIn(member, reported);

  // 2. A moderator sees every kind in the queue; the logo is blurred until they reveal it.
  const moderator = await newPage();
  await signIn(moderator, accounts.moderator);
  await moderator.goto('/admin/moderation');
  // (English: the spec's message helper does not format plurals.)
  await expect(moderator.getByRole('timer')).toHaveText('Time in queue: 0 minutes');
  const threadItem = moderator.getByRole('article').filter({ hasText: `Thread concern ${stamp}` });
  await expect(threadItem.getByRole('link', { name: new RegExp(threadTitle) })).toBeVisible();
  const organisationItem = moderator.getByRole('article').filter({ hasText: `Organisation concern ${stamp}` });
  const logo = organisationItem.getByRole('img');
  await expect(logo).toHaveCSS('filter', /blur\(.+grayscale/);
  const show = organisationItem.getByRole('button', { name: t('discussions.wellbeing.showImage') });
  await expect(show).toHaveAttribute('aria-pressed', 'false');
  await expectAccessible(moderator);
  await show.focus();
  await moderator.keyboard.press('Enter');
  await expect(show).toHaveAttribute('aria-pressed', 'true');
  await expect(logo).toHaveCSS('filter', 'none');

  // 3. The moderator warns the reported member from the profile's report; the member reads the warning.
  const profileItem = moderator.getByRole('article').filter({ hasText: `Profile concern ${stamp}` });
  await expect(profileItem.getByRole('link', { name: new RegExp(reported.name) })).toBeVisible();
  await profileItem.getByText(t('discussions.moderation.memberTools', { name: reported.name })).click();
  await profileItem.getByLabel(t('discussions.moderation.warnReason', { name: reported.name })).fill(`Please keep to the guidelines ${stamp}`);
  await profileItem.getByRole('button', { name: t('discussions.moderation.warn') }).click();
  await expect(formMessage(moderator, t('discussions.moderation.warned'))).toBeVisible();
  await expectAccessible(moderator);

  await member.goto('/notifications');
  await expectAccessible(member);
  await member
    .getByRole('link', { name: t('discussions.notifications.warning') })
    .first()
    .click();
  await expect(member).toHaveURL(/\/settings\/warnings$/);
  await expect(member.getByText(`Please keep to the guidelines ${stamp}`)).toBeVisible();
  await expectAccessible(member);

  // 4. The moderator suspends the member for three days: their session ends at once.
  await expect(profileItem.getByLabel(t('discussions.moderation.suspendDays'))).toHaveValue('3');
  await profileItem.getByLabel(t('discussions.moderation.suspendReason', { name: reported.name })).fill(`Cooling off ${stamp}`);
  await profileItem.getByRole('button', { name: t('discussions.moderation.suspend') }).click();
  await expect(profileItem.getByText(t('discussions.moderation.memberSuspended', { name: reported.name }))).toBeVisible();
  await expect(profileItem.getByText(t('discussions.moderation.memberTools', { name: reported.name }))).toHaveCount(0);

  await member.goto('/settings/security');
  await expect(member).toHaveURL(/\/sign-in/);
  await submitSignIn(member, reported.email);
  await expect(formMessage(member, /This account is suspended until .+\./)).toBeVisible();
  await expectAccessible(member);

  // 5. An admin is told, and finds the warning and the suspension on the member's page.
  const admin = await newPage();
  await signIn(admin, accounts.admin);
  await admin.goto('/notifications');
  await expectAccessible(admin);
  await admin
    .getByRole('link', { name: new RegExp(`${reported.name}.*`) })
    .first()
    .click();
  await expect(admin.getByRole('heading', { level: 1, name: reported.name })).toBeVisible();
  await expect(admin.getByText(`Please keep to the guidelines ${stamp}`)).toBeVisible();
  await expect(admin.getByText(/Suspended until/)).toBeVisible();
  await expectAccessible(admin);
});
