import { expect, expectAccessible, test } from './fixtures';
import { accounts, signIn } from './helpers';
import { t } from './messages';

/**
 * Identifying details (issue 14) and the editor's shortcuts, end to end: a member starts a thread whose
 * body carries a phone number; the editor warns as they type (the detector is loaded when the field is
 * focused; a person's name comes back from the server); publishing is refused by the server until "I have checked" is ticked; then it is published.
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

  // A person's full name is found by the server a moment after typing stops, and marked in the field too.
  await body.fill(`Her mother, Maria Gonzalez, can be reached on ${phone} in the evenings.`);
  const name = page.getByRole('button', {
    name: new RegExp(`${t('identifying.looksLike', { kind: t('identifying.kinds.person_name') })}.*Maria Gonzalez`),
  });
  await expect(name).toBeVisible();
  await expect(page.locator('mark').filter({ hasText: 'Maria Gonzalez' })).toHaveCount(1);
  await body.fill(`Her mother can be reached on ${phone} in the evenings.`);
  await expect(name).toHaveCount(0);

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

/**
 * The in-field highlight (decision 028's follow-up): at 360 px, typing a phone number marks it in the
 * backdrop behind the textarea, which keeps the field's width, wrapping, scroll position and direction;
 * a long pasted text scrolls both together; Arabic text turns both right-to-left. A thread's title is
 * checked too: listed in the same notice, refused on the title by the server until acknowledged.
 */
test('at 360 px a typed phone number is marked in the field, which the marks follow; the title is checked too', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, accounts.civil);
  await page.goto('/spaces/general-discussion/new');
  const body = page.getByRole('textbox', { name: t('discussions.editor.body') });
  const id = (await body.getAttribute('id'))!;
  const backdrop = page.locator(`[data-backdrop="${id}"]`);
  const marks = backdrop.locator('mark');
  /** The textarea and its backdrop, measured together. */
  const geometry = () =>
    page.evaluate((areaId) => {
      const area = document.getElementById(areaId) as HTMLTextAreaElement;
      const layer = document.querySelector(`[data-backdrop="${CSS.escape(areaId)}"]`) as HTMLElement;
      const a = area.getBoundingClientRect();
      const b = layer.getBoundingClientRect();
      return {
        box: [a.left - b.left, a.top - b.top, a.width - b.width, a.height - b.height],
        clientWidth: [area.clientWidth, layer.clientWidth],
        scrollHeight: [area.scrollHeight, layer.scrollHeight],
        scrollTop: [area.scrollTop, layer.scrollTop],
        direction: [getComputedStyle(area).direction, getComputedStyle(layer).direction],
        areaBackground: getComputedStyle(area).backgroundColor,
        font: [getComputedStyle(area).font, getComputedStyle(layer).font],
        hidden: layer.getAttribute('aria-hidden'),
      };
    }, id);

  await body.click();
  await body.pressSequentially(`Her mother can be reached on ${phone} in the evenings.`);
  await expect(marks).toHaveCount(1);
  await expect(marks.first()).toHaveText(phone);
  await expect(marks.first()).toBeVisible();
  const typed = await geometry();
  expect(typed).toMatchObject({ box: [0, 0, 0, 0], hidden: 'true', areaBackground: 'rgba(0, 0, 0, 0)' });
  expect(typed.clientWidth[0]).toBe(typed.clientWidth[1]);
  expect(typed.scrollHeight[0]).toBe(typed.scrollHeight[1]);
  expect(typed.font[0]).toBe(typed.font[1]);
  // The mark lies inside the field, where the number is.
  const [markBox, areaBox] = [await marks.first().boundingBox(), await body.boundingBox()];
  expect(markBox!.x).toBeGreaterThanOrEqual(areaBox!.x);
  expect(markBox!.x + markBox!.width).toBeLessThanOrEqual(areaBox!.x + areaBox!.width);
  await expectAccessible(page);

  // Windows high contrast (forced colours): the mark is a Highlight outline, the backdrop's text stays transparent.
  await page.emulateMedia({ forcedColors: 'active' });
  expect(
    await marks.first().evaluate((el) => {
      const style = getComputedStyle(el);
      return [style.outlineStyle, style.outlineWidth, style.color === getComputedStyle(el.parentElement!).color, style.backgroundColor];
    }),
  ).toEqual(['solid', '2px', true, 'rgba(0, 0, 0, 0)']);
  expect(await backdrop.evaluate((el) => getComputedStyle(el).color)).toBe('rgba(0, 0, 0, 0)');
  await page.emulateMedia({ forcedColors: 'none' });

  // A long text pasted in one go: the field scrolls, the backdrop with it, the marks still aligned.
  const lines = Array.from({ length: 60 }, (_, i) => `Line ${i + 1} of a long statement pasted from elsewhere, wrapping at this width.`);
  await body.fill([...lines, `Call ${phone} tonight.`, '', ''].join('\n'));
  await expect(marks).toHaveCount(1);
  await expect(marks.first()).toHaveText(phone);
  await body.evaluate((el) => (el.scrollTop = el.scrollHeight));
  // The backdrop follows on the field's scroll event, a frame later: wait for it to arrive, then compare.
  await expect.poll(async () => (await geometry()).scrollTop[1]).toBeGreaterThan(0);
  await expect.poll(async () => new Set((await geometry()).scrollTop).size, { message: 'the backdrop scrolls with the field' }).toBe(1);
  const scrolled = await geometry();
  expect(scrolled.scrollHeight[0]).toBe(scrolled.scrollHeight[1]);

  // Arabic text: both sides right to left, the number marked.
  await body.fill(`يمكن الاتصال بوالدتها على ${phone} مساءً`);
  await expect(marks.first()).toHaveText(phone);
  expect((await geometry()).direction).toEqual(['rtl', 'rtl']);

  // The title is checked with the body: listed in the notice with "In the title", refused on the title.
  await body.fill('Nothing identifying in this post.');
  await expect(marks).toHaveCount(0);
  await page.getByLabel(t('discussions.editor.title')).fill(`Call ${phone}`);
  await expect(
    page.getByRole('button', {
      name: new RegExp(`^${t('identifying.inTitle')} ${t('identifying.looksLike', { kind: t('identifying.kinds.phone') })}`),
    }),
  ).toBeVisible();
  await page.getByRole('button', { name: t('discussions.editor.post') }).click();
  await expect(page.getByText(t('identifying.refused', { kinds: t('identifying.kinds.phone') }))).toBeVisible();
  await expect(page).toHaveURL(/\/spaces\/[^/]+\/new$/);
});
