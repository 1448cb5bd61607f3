import { expect, expectAccessible, test } from './fixtures';
import { accounts, signIn } from './helpers';
import { t } from './messages';

/**
 * Identifying details (issue 14) and the editor's shortcuts, end to end: a member starts a thread whose
 * body carries a phone number; the editor warns as they type (the detector is loaded when the field is
 * focused); publishing is refused by the server until "I have checked" is ticked; then it is published.
 * Uses the civil society demo account (which signs in freely) in General discussion.
 */
const title = `Evening helpline contacts ${Date.now().toString(36)}`;
const phone = '+44 20 7946 0958';

test('a phone number is flagged as it is typed, refused until acknowledged, then published', async ({ page }) => {
  await signIn(page, accounts.civil);
  await page.goto('/spaces/general-discussion/new');
  await page.getByLabel(t('discussions.editor.title')).fill(title);
  const body = page.getByRole('textbox', { name: t('discussions.editor.body') });

  // Shortcuts: Ctrl+B and Ctrl+I wrap the selection (and keep it selected); the toolbar says so.
  await body.click();
  await body.pressSequentially('calm');
  await body.press('Control+a');
  await body.press('Control+b');
  await body.press('Control+i');
  await expect(body).toHaveValue('**_calm_**');
  await expect(
    page.getByRole('button', { name: t('discussions.editor.shortcut', { action: t('discussions.editor.bold'), keys: 'Ctrl/⌘+B' }) }),
  ).toBeVisible();

  // The warning appears as the member types, and selects the number in the field when pressed.
  await body.fill(`Her mother can be reached on ${phone} in the evenings.`);
  const warning = page.getByRole('button', { name: new RegExp(`${t('identifying.looksLike', { kind: t('identifying.kinds.phone') })}.*7946`) });
  await expect(warning).toBeVisible();
  // The polite live summary (identifying.summary, count 1; e2e's t() does not format plurals).
  await expect(page.getByText(/^1 detail in your text could identify someone/)).toBeAttached();
  await expectAccessible(page);
  await warning.click();
  expect(await body.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(phone);

  // Publishing without the acknowledgement is refused by the server, on the body, naming what it found.
  await page.getByRole('button', { name: t('discussions.editor.post') }).click();
  await expect(page.getByText(t('identifying.refused', { kinds: t('identifying.kinds.phone') }))).toBeVisible();
  await expect(page).toHaveURL(/\/spaces\/[^/]+\/new$/);
  await expect(body).toHaveValue(new RegExp(phone.replace(/\+/g, '\\+')));
  await expectAccessible(page);

  // Ticked, it is published (sent from the field with Ctrl+Enter).
  await page.getByRole('checkbox', { name: t('identifying.acknowledge') }).check();
  await body.press('Control+Enter');
  await expect(page).toHaveURL(/\/threads\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(phone)).toBeVisible();
  await expectAccessible(page);
});
