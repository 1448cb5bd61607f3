import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { demoTotpSecret, stepAt, TOTP_PERIOD, totpCode } from '../lib/auth/totp';
import { E2E_DATA_DIR, E2E_OUTBOX_DIR, E2E_URL } from './env';
import { checkedAlready, expect, expectAccessible } from './fixtures';
import { t } from './messages';

/**
 * The demo accounts seeded before the server starts (db/seed). Specs run in parallel on one database, so
 * an account whose password, status or visibility a spec changes belongs to that spec alone; journeys
 * that need an account of their own register one (registration.spec.ts).
 */
export const DEMO_PASSWORD = 'protect-children-2026';
export const accounts = {
  admin: { email: 'admin@secretariat.example', name: 'Amara Okafor' },
  /** discussions.spec.ts moderates with it. */
  moderator: { email: 'moderator@secretariat.example', name: 'Lukas Brandt' },
  /** sign-in.spec.ts signs it in and out; discussions.spec.ts starts a thread and is mentioned. */
  government: { email: 'government@demo.example', name: 'Sofia Marín' },
  /** directory.spec.ts hides it from the directory; resources.spec.ts signs it in to download. */
  justice: { email: 'justice@demo.example', name: 'Tomás Alves' },
  /** sessions.spec.ts alone: its sessions are ended and its password changed. */
  company: { email: 'company@demo.example', name: 'Daniel Mensah' },
  /** Signs in freely (anonymous.spec.ts through ?next= links); guidelines.spec.ts, which runs after every other spec, accepts a new guidelines version with it. */
  civil: { email: 'civil@demo.example', name: 'Priya Raman' },
  /** suspension.spec.ts alone: suspended, then reactivated, by the admin. */
  igo: { email: 'igo@demo.example', name: 'Jean-Marc Diallo' },
  /** keyboard.spec.ts alone: reads the portal in French, starts a thread and shares a resource. */
  french: { email: 'fr@demo.example', name: 'Awa Traoré' },
  /** crawl.spec.ts alone (the member): its language is switched. */
  spanish: { email: 'es@demo.example', name: 'Lucía Fernández' },
  /** crawl.spec.ts alone (the focal point): its language is switched. */
  arabicFocalPoint: { email: 'ar@demo.example', name: 'ليلى الخطيب' },
  /** crawl.spec.ts alone (the moderator): its language is switched. */
  frenchModerator: { email: 'claire.dubois@secretariat.example', name: 'Claire Dubois' },
  /** crawl.spec.ts alone (the admin): its language is switched. */
  arabicAdmin: { email: 'hala.mansour@secretariat.example', name: 'Hala Mansour' },
  /** focal-points.spec.ts alone: endorses, invites and removes the people of its organisation. */
  focalPoint: { email: 'focal@demo.example', name: 'Grace Wanjiru' },
  /** Registered but awaiting approval: nobody may decide on it. */
  applicant: { email: 'applicant@demo.example', name: 'Noor Haddad' },
  /** moderation-safety.spec.ts alone: reports a thread, a profile and an organisation. */
  reporter: { email: 'reporter@demo.example', name: 'Mei Tanaka' },
  /** moderation-safety.spec.ts alone: reported, warned, then suspended for three days. */
  reported: { email: 'reported@demo.example', name: 'Oskar Lindqvist' },
  /** second-factor.spec.ts alone: a moderator without a second factor, sent to enrol at sign-in. */
  newModerator: { email: 'new.moderator@secretariat.example', name: 'Ines Varga' },
} as const;

/** Staff accounts seeded with an authenticator app (seed/index.ts): they pass the second step after their password. */
const WITH_SECOND_FACTOR = new Set<string>([
  accounts.admin.email,
  accounts.moderator.email,
  accounts.arabicFocalPoint.email,
  accounts.focalPoint.email,
  accounts.frenchModerator.email,
  accounts.arabicAdmin.email,
]);

/** Steps claimed by this run's workers, one empty file per secret and step (see claimStep). */
const STEPS_DIR = path.join(E2E_DATA_DIR, 'totp-steps');

/**
 * The first step from `from` on that no worker has claimed for this secret: its file is made exclusively
 * ('wx'), so two workers never send the same step's code. Each worker keeping its own list let four
 * workers signing the same admin in spend each other's codes until one gave up.
 */
function claimStep(secret: string, from: number): number {
  mkdirSync(STEPS_DIR, { recursive: true });
  const id = createHash('sha256').update(secret).digest('hex').slice(0, 16);
  for (let step = from; ; step++) {
    try {
      writeFileSync(path.join(STEPS_DIR, `${id}-${step}`), '', { flag: 'wx' });
      return step;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * The second step of signing in, with a code from an authenticator secret (a demo account's by default).
 * A code works once, and only for a step newer than the account's last (lib/auth/totp.ts); the server
 * takes the next step's code early. Each attempt claims a step no other worker has (claimStep) and waits
 * until the server takes it; when the code is refused all the same (another worker's later step got in
 * first), the next free step is claimed.
 */
export async function passSecondFactor(page: Page, email: string, { secret = demoTotpSecret(email), keyboard = false } = {}): Promise<void> {
  await expect(page).toHaveURL(/\/sign-in\/second-factor/);
  await expect(page.getByRole('heading', { level: 1, name: t('security.signIn.title') })).toBeVisible();
  if (!checkedAlready('/sign-in/second-factor')) await expectAccessible(page);
  const refused = page.getByText(t('security.signIn.wrongCode'));
  let step = stepAt() - 1;
  for (let attempt = 0; attempt < 6; attempt++) {
    step = claimStep(secret, Math.max(stepAt(), step + 1));
    // The server takes a code up to one step ahead of its clock.
    const wait = (step - 1) * TOTP_PERIOD * 1000 - Date.now() + 250;
    if (wait > 0) await page.waitForTimeout(wait);
    const code = totpCode(secret, step * TOTP_PERIOD * 1000 + 500);
    const field = page.getByLabel(t('security.signIn.code'), { exact: true });
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/sign-in/second-factor');
    if (keyboard) {
      await field.focus();
      await page.keyboard.type(code);
      await page.keyboard.press('Enter');
    } else {
      await field.fill(code);
      await page.getByRole('button', { name: t('security.signIn.submit'), exact: true }).click();
    }
    await answered;
    // Accepted: the page moves on. Refused (the code was spent by another worker): the message stays.
    const moved = await page
      .waitForURL((url) => !url.pathname.startsWith('/sign-in/second-factor'), { timeout: 8_000 })
      .then(() => true)
      .catch(() => false);
    if (moved) return;
    await expect(refused).toBeVisible();
  }
  throw new Error(`The second factor of ${email} was refused six times`);
}

/** Fills in and sends the sign-in form (on the current /sign-in page, or opens it first). */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (new URL(page.url(), E2E_URL).pathname !== '/sign-in') {
    await page.goto('/sign-in');
  }
  await expect(page.getByRole('heading', { level: 1, name: t('auth.signIn.title') })).toBeVisible();
  if (!checkedAlready('/sign-in')) await expectAccessible(page);
  await page.getByLabel(t('auth.signIn.email')).fill(email);
  await page.getByLabel(t('auth.signIn.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t('auth.signIn.submit'), exact: true }).click();
}

/** Signs in through the form (and the second step for staff) and waits for the member home page. */
export async function signIn(page: Page, account: { email: string; name: string }, password = DEMO_PASSWORD): Promise<void> {
  await submitSignIn(page, account.email, password);
  if (WITH_SECOND_FACTOR.has(account.email)) await passSecondFactor(page, account.email);
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole('heading', { level: 1, name: t('home.welcome', { name: account.name }) })).toBeVisible();
  await expectAccessible(page);
}

/** Signs out through the account menu and waits for the sign-in page's notice. */
export async function signOut(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: t('nav.account', { name }) }).click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expectAccessible(page, { include: '[role="menu"]' });
  await menu.getByRole('menuitem', { name: t('nav.signOut') }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signedOut$/);
  await expect(page.getByText(t('auth.signIn.signedOut'))).toBeVisible();
  await expectAccessible(page);
}

/** The alert a form shows after it was sent (ActionForm's message). */
export function formMessage(page: Page, text: string | RegExp) {
  return page
    .getByRole('alert')
    .filter({ hasText: text })
    .or(page.getByRole('status').filter({ hasText: text }));
}

export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
  file: string;
}

/**
 * The newest email (a JSON file in the outbox folder) addressed to `to`, newer than `after` (an email or
 * a moment) and, with `subject`, the newest with that subject (for an address other journeys also write
 * to); waits for the outbox worker to write it.
 */
export async function waitForEmail(
  to: string,
  { timeout = 20_000, after, subject }: { timeout?: number; after?: Email | Date; subject?: string } = {},
): Promise<Email> {
  // The outbox names its files by the time they were written (lib/email/transport.ts).
  const newerThan = after instanceof Date ? after.toISOString().replace(/[:.]/g, '-') : after?.file;
  let found: Email | undefined;
  await expect
    .poll(
      () => {
        const files = readdirSync(E2E_OUTBOX_DIR)
          .filter((f) => f.endsWith('.json'))
          .sort();
        for (const file of files.reverse()) {
          const email = JSON.parse(readFileSync(path.join(E2E_OUTBOX_DIR, file), 'utf8')) as Omit<Email, 'file'>;
          if (email.to.toLowerCase() !== to.toLowerCase() || (subject !== undefined && email.subject !== subject)) continue;
          if (newerThan && file <= newerThan) return false;
          found = { ...email, file };
          return true;
        }
        return false;
      },
      { message: `an email to ${to} in ${E2E_OUTBOX_DIR}`, timeout, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  return found!;
}

/** The first link to the portal in an email's text. */
export function linkIn(email: Email): string {
  const match = email.text.match(new RegExp(`${escapeRegExp(E2E_URL)}/[^\\s)>"]*`));
  if (!match) throw new Error(`No link to ${E2E_URL} in the email "${email.subject}":\n${email.text}`);
  return match[0];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The accessible name of a control labelled "<action>: <name>" where ": <name>" is visually hidden
 * (browsers put a space before a hidden span: "Approve : Noor Haddad").
 */
export function actionFor(action: string, name: string): RegExp {
  return new RegExp(`^${escapeRegExp(action)}\\s*:\\s*${escapeRegExp(name)}$`);
}

/** An address nobody else uses, for a journey that registers someone. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@e2e.example`;
}
