import type { Locator, Page } from '@playwright/test';
import { POSTING_LIMITS } from '../lib/dal/discussions/limits';
import { minimalPdf } from '../testing/uploads';
import { accounts, DEMO_PASSWORD, passSecondFactor } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { t, tIn } from './messages';

/**
 * The keyboard journey (WCAG 2.2): a member who reads the portal in French signs in, opens a space,
 * starts a thread with a mention, replies and shares a resource, then an admin opens the applications
 * queue — Tab, Shift+Tab, arrows, Enter and Space only. At every stop the focused control must show its
 * focus (2.4.7), be on screen and not hidden under anything (2.4.11), and measure at least 24 × 24 px
 * unless it is a link inside a sentence (2.5.8). Help (the guidelines link) sits in the same place on
 * every page (3.2.6), and nothing already given is asked for again (3.3.7).
 */

const fr = (key: Parameters<typeof tIn>[1], values?: Record<string, string | number>) => tIn('fr', key, values);

/** What is wrong with the focused element, if anything. */
async function focusProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return ['nothing has focus'];
    const problems: string[] = [];
    const name = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    const style = getComputedStyle(el);
    if (!el.matches(':focus-visible')) problems.push(`${name}: focus not visible (:focus-visible)`);
    else if (style.outlineStyle === 'none' && style.boxShadow === 'none') problems.push(`${name}: no outline or ring`);
    const box = el.getBoundingClientRect();
    if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) problems.push(`${name}: off screen`);
    else {
      const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 10), 0), innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      if (top && !el.contains(top) && !top.contains(el) && !(el.id && top.closest(`label[for="${el.id}"]`)))
        problems.push(`${name}: hidden under ${top.tagName.toLowerCase()}`);
    }
    // 2.5.8: 24 × 24 px, or a 24 px circle around an undersized target meeting no other target (the
    // spacing exception, e.g. a checkbox beside its label); links inside a sentence are exempt.
    const inline = el.tagName === 'A' && style.display === 'inline';
    if (!inline && (box.width < 24 || box.height < 24)) {
      const cx = box.left + box.width / 2;
      const cy = box.top + box.height / 2;
      const others = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex="0"]')].filter(
        (o) => o !== el && !(el.id && o.matches(`label[for="${el.id}"]`)) && o.checkVisibility(),
      );
      const crowded = others.find((o) => {
        const r = o.getBoundingClientRect();
        const dx = Math.max(r.left - cx, 0, cx - r.right);
        const dy = Math.max(r.top - cy, 0, cy - r.bottom);
        return Math.hypot(dx, dy) < 12;
      });
      if (crowded)
        problems.push(
          `${name}: target ${Math.round(box.width)}×${Math.round(box.height)} px with another target within 12 px of its centre (${crowded.tagName.toLowerCase()} "${(crowded.getAttribute('aria-label') ?? crowded.textContent ?? '').trim().slice(0, 40)}")`,
        );
    }
    return problems;
  });
}

/** Presses Tab (or Shift+Tab) until `target` has focus, checking every control passed on the way. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    expect(await focusProblems(page)).toEqual([]);
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The guidelines link (help) is the last link of the footer on every page. */
async function expectHelpInPlace(page: Page, text: string) {
  await expect(page.locator('footer a').last()).toHaveText(text);
  await expect(page.locator('footer a').last()).toHaveAttribute('href', '/guidelines');
}

test('sign in, a thread with a mention, a reply, a resource and the admin queue, by keyboard alone', async ({ page, newPage }) => {
  // The admin's second step may wait for the next 30-second code.
  test.slow();
  // Unique to the attempt: a retry posting the same words within five minutes is refused as a duplicate.
  const stamp = Date.now().toString(36);
  const title = `Protocole de signalement ${stamp}`;
  const replyText = `Merci, voici notre modèle (${stamp}) en pièce jointe dans la bibliothèque.`;

  await page.goto('/sign-in');
  await expectAccessible(page);
  await expectHelpInPlace(page, t('common.footer.guidelines'));
  await tabTo(page, page.getByLabel(t('auth.signIn.email')));
  await page.keyboard.type(accounts.french.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expectAccessible(page);
  await expectHelpInPlace(page, fr('common.footer.guidelines'));

  // A space, from the main navigation.
  await tabTo(page, page.getByRole('navigation', { name: fr('nav.main') }).getByRole('link', { name: fr('discussions.nav.spaces') }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/spaces$/);
  await expectAccessible(page);
  await tabTo(page, page.getByRole('link', { name: 'General discussion' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'General discussion' })).toBeVisible();
  await expectAccessible(page);

  // A thread with a mention: the language is already French (3.3.7), the mention is chosen with arrows.
  await tabTo(page, page.getByRole('link', { name: fr('discussions.space.newThread') }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(fr('discussions.editor.language'))).toHaveValue('fr');
  await expectAccessible(page);
  await tabTo(page, page.getByLabel(fr('discussions.editor.title'), { exact: true }));
  await page.keyboard.type(title);
  await tabTo(page, page.getByRole('textbox', { name: fr('discussions.editor.body') }));
  await page.keyboard.type(`Nous comparons nos protocoles de signalement (${stamp}). @Priya`);
  await expect(
    page
      .getByRole('listbox', { name: fr('discussions.editor.mentionListLabel') })
      .getByRole('option')
      .first(),
  ).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: fr('discussions.editor.body') })).toHaveValue(/@/);
  await tabTo(page, page.getByRole('button', { name: fr('discussions.editor.post') }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const threadPosted = Date.now();
  await expectAccessible(page);

  // A reply.
  await tabTo(page, page.getByRole('textbox', { name: fr('discussions.editor.replyTitle') }));
  await page.keyboard.type(replyText);
  await tabTo(page, page.getByRole('button', { name: fr('discussions.editor.reply') }));
  // A person takes longer than the keyboard here: posts closer together than the limit are refused.
  await page.waitForTimeout(Math.max(0, threadPosted + POSTING_LIMITS.postSeconds * 1000 + 250 - Date.now()));
  await page.keyboard.press('Enter');
  // The reply as a post, once the page has moved to it: the words alone are in the reply box already, and
  // a check run while the router was still replacing the page found it without a title (CI, once).
  await expect(page).toHaveURL(/#post-2$/);
  await expect(page.locator('#post-2')).toContainText(replyText);
  await expectAccessible(page);

  // A resource: the file is picked in the system dialog (here set on the focused input), the rest typed.
  await page.goto('/resources/new');
  await expectAccessible(page);
  const file = page.getByLabel(fr('resources.form.file'), { exact: true });
  await tabTo(page, file);
  await file.setInputFiles({ name: 'protocole.pdf', mimeType: 'application/pdf', buffer: minimalPdf('Protocole de signalement, modèle') });
  await expect(page.getByText(/protocole\.pdf/).first()).toBeVisible();
  await tabTo(page, page.getByLabel(fr('resources.form.titleField')));
  await page.keyboard.type(title);
  await tabTo(page, page.getByRole('button', { name: fr('resources.form.submit') }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  await expectHelpInPlace(page, fr('common.footer.guidelines'));

  // The admin's applications queue.
  const admin = await newPage();
  await admin.goto('/sign-in');
  await tabTo(admin, admin.getByLabel(t('auth.signIn.email')));
  await admin.keyboard.type(accounts.admin.email);
  await admin.keyboard.press('Tab');
  await admin.keyboard.type(DEMO_PASSWORD);
  await admin.keyboard.press('Enter');
  await passSecondFactor(admin, accounts.admin.email, { keyboard: true });
  await expect(admin).toHaveURL(/\/home$/);
  await tabTo(admin, admin.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.admin') }));
  await admin.keyboard.press('Enter');
  await expect(admin).toHaveURL(/\/admin$/);
  await expectAccessible(admin);
  await tabTo(admin, admin.getByRole('link', { name: t('admin.nav.applications') }).first());
  await admin.keyboard.press('Enter');
  await expect(admin.getByRole('heading', { level: 1, name: t('admin.applications.title') })).toBeVisible();
  await expectAccessible(admin);
  await tabTo(
    admin,
    admin
      .getByRole('button')
      .filter({ hasText: t('admin.applications.approve') })
      .first(),
  );
  await expectHelpInPlace(admin, t('common.footer.guidelines'));
});
