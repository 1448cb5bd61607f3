import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { accounts, DEMO_PASSWORD, passSecondFactor } from './helpers';
import { expect, expectAccessible, test } from './fixtures';

/**
 * The accessibility crawl: every page of the app (every page.tsx under app/), with real ids found by
 * following links in the demo data, in English and in Arabic, as each role. Each page is checked with
 * axe (WCAG 2.2 A/AA and best practices, e2e/fixtures.ts) and for a missing translation; the fixtures
 * add the CSP and uncaught-error checks. The roles run side by side; each signs in with an account only
 * this spec uses and switches language through its own menu (which saves it in its preferences).
 */

test.describe.configure({ mode: 'parallel' });

/** Route patterns, one per page.tsx (the first test checks the list against app/). */
const ROUTES: Record<string, RegExp> = {
  '/': /^\/$/,
  '/sign-in': /^\/sign-in$/,
  '/register': /^\/register$/,
  '/verify-email': /^\/verify-email$/,
  '/confirm-email': /^\/confirm-email$/,
  '/forgot-password': /^\/forgot-password$/,
  '/reset-password': /^\/reset-password$/,
  '/guidelines': /^\/guidelines$/,
  '/guidelines/accept': /^\/guidelines\/accept$/,
  '/publications': /^\/publications$/,
  '/publications/[id]': /^\/publications\/[0-9a-f-]{36}$/,
  '/unsubscribe': /^\/unsubscribe$/,
  '/home': /^\/home$/,
  '/directory': /^\/directory$/,
  '/directory/people': /^\/directory\/people$/,
  '/organisations/[slug]': /^\/organisations\/[^/]+$/,
  '/organisations/[slug]/edit': /^\/organisations\/[^/]+\/edit$/,
  '/organisations/[slug]/reverification': /^\/organisations\/[^/]+\/reverification$/,
  '/organisations/[slug]/people': /^\/organisations\/[^/]+\/people$/,
  '/people/[id]': /^\/people\/[^/]+$/,
  '/spaces': /^\/spaces$/,
  '/spaces/[slug]': /^\/spaces\/[^/]+$/,
  '/spaces/[slug]/new': /^\/spaces\/[^/]+\/new$/,
  '/spaces/[slug]/requests': /^\/spaces\/[^/]+\/requests$/,
  '/threads/[id]': /^\/threads\/[0-9a-f-]{36}$/,
  '/threads/[id]/posts/[postId]/edit': /^\/threads\/[^/]+\/posts\/[^/]+\/edit$/,
  '/threads/[id]/posts/[postId]/history': /^\/threads\/[^/]+\/posts\/[^/]+\/history$/,
  '/threads/[id]/posts/[postId]/report': /^\/threads\/[^/]+\/posts\/[^/]+\/report$/,
  '/resources': /^\/resources$/,
  '/resources/new': /^\/resources\/new$/,
  '/resources/[id]': /^\/resources\/[0-9a-f-]{36}$/,
  '/resources/[id]/edit': /^\/resources\/[0-9a-f-]{36}\/edit$/,
  '/search': /^\/search$/,
  '/notifications': /^\/notifications$/,
  '/messages': /^\/messages$/,
  '/messages/new': /^\/messages\/new$/,
  '/messages/[id]': /^\/messages\/[0-9a-f-]{36}$/,
  '/settings/profile': /^\/settings\/profile$/,
  '/settings/preferences': /^\/settings\/preferences$/,
  '/settings/notifications': /^\/settings\/notifications$/,
  '/settings/security': /^\/settings\/security$/,
  '/settings/data': /^\/settings\/data$/,
  '/settings/warnings': /^\/settings\/warnings$/,
  '/settings/security/enrol': /^\/settings\/security\/enrol$/,
  '/sign-in/second-factor': /^\/sign-in\/second-factor$/,
  '/admin': /^\/admin$/,
  '/admin/applications': /^\/admin\/applications$/,
  '/admin/users': /^\/admin\/users$/,
  '/admin/users/[id]': /^\/admin\/users\/[0-9a-f-]{36}$/,
  '/admin/organisations': /^\/admin\/organisations$/,
  '/admin/organisations/[id]': /^\/admin\/organisations\/[0-9a-f-]{36}$/,
  '/admin/spaces': /^\/admin\/spaces$/,
  '/admin/spaces/[id]': /^\/admin\/spaces\/[0-9a-f-]{36}$/,
  '/admin/moderation': /^\/admin\/moderation$/,
  '/admin/audit': /^\/admin\/audit$/,
  '/admin/blocklist': /^\/admin\/blocklist$/,
  '/admin/guidelines': /^\/admin\/guidelines$/,
  '/admin/reverification': /^\/admin\/reverification$/,
  '/admin/expertise': /^\/admin\/expertise$/,
  '/admin/outbox': /^\/admin\/outbox$/,
};
/** The development outbox answers 404 in production builds, which the tests run. */
const NOT_IN_PRODUCTION = ['/dev/outbox'];
const PUBLIC = [
  '/',
  '/sign-in',
  '/register',
  '/verify-email',
  '/confirm-email',
  '/forgot-password',
  '/reset-password',
  '/guidelines',
  '/publications',
  '/unsubscribe',
];

/**
 * Where each role starts; the rest is found by following links (real ids). Each role opens first a
 * thread with what it needs: the member its own thread (edit) with others' replies (report), found by a
 * search; the moderator General discussion, whose pinned welcome thread has an edited post (history). A
 * search fills /search.
 */
const STARTS = [
  '/home',
  '/directory',
  '/directory/people',
  '/spaces',
  '/resources',
  '/search?q=hotline',
  '/notifications',
  '/messages',
  '/messages/new',
  '/settings/profile',
  '/settings/preferences',
  '/settings/notifications',
  '/settings/security',
  '/settings/data',
  '/settings/warnings',
];
const ADMIN = Object.keys(ROUTES).filter((r) => r.startsWith('/admin') && !r.includes('['));
/**
 * Pages that show every role the same thing (apart from the header's links, which every other page
 * shows too): the member crawls them; the focal point, the moderator and the admin spend their time on
 * the pages their role changes. Every route is still visited in both languages.
 */
const SAME_FOR_EVERY_ROLE = [
  '/directory',
  '/directory/people',
  '/people/[id]',
  '/search',
  '/notifications',
  '/settings/profile',
  '/settings/preferences',
  '/settings/notifications',
  '/settings/security',
  '/settings/data',
  '/settings/warnings',
];
/** Longest first: the roles run side by side on the workers. */
const ROLES = {
  admin: {
    email: accounts.arabicAdmin.email,
    starts: ['/spaces/model-national-response-working-group', ...STARTS, ...ADMIN],
    expect: ['/admin/users/[id]', '/admin/organisations/[id]', '/admin/spaces/[id]', '/spaces/[slug]/requests'],
  },
  member: {
    email: accounts.spanish.email,
    // Its own thread (seed/languages.ts) comes first, found by its title (ownThread below): other
    // journeys start newer threads in Research and data.
    starts: ['/spaces/research-and-data', '/resources?q=derivación', '/publications', ...STARTS],
    expect: [
      '/threads/[id]/posts/[postId]/edit',
      '/threads/[id]/posts/[postId]/report',
      '/resources/[id]/edit',
      '/spaces/[slug]/new',
      '/messages/[id]',
    ],
  },
  'focal point': {
    email: accounts.arabicFocalPoint.email,
    starts: ['/spaces/government-reference-group', '/organisations/government-of-jordan', '/resources?q=ملخص', ...STARTS],
    expect: ['/organisations/[slug]/edit', '/organisations/[slug]/people', '/organisations/[slug]/reverification', '/resources/[id]/edit'],
  },
  moderator: {
    email: accounts.frenchModerator.email,
    starts: ['/spaces/general-discussion', ...STARTS, '/admin/moderation'],
    expect: ['/threads/[id]/posts/[postId]/history'],
  },
};

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const routeOf = (pathname: string) => Object.entries(ROUTES).find(([, re]) => re.test(pathname))?.[0];

/** Fails the test when next-intl could not find a message (it logs one instead of throwing). */
function watchTranslations(page: Page, problems: string[]) {
  page.on('console', (m) => {
    if (m.type() === 'error' && /MISSING_MESSAGE|INSUFFICIENT_PATH|FORMATTING_ERROR/.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
}

/** Visits one page: its language and direction, its translations, axe. */
async function check(page: Page, href: string, locale: 'en' | 'ar') {
  const t0 = Date.now();
  const response = await page.goto(href);
  const t1 = Date.now();
  expect(response?.status(), href).toBe(200);
  expect(await page.locator('html').evaluate((html) => `${html.getAttribute('lang')} ${html.getAttribute('dir')}`), href).toBe(
    `${locale} ${locale === 'ar' ? 'rtl' : 'ltr'}`,
  );
  const t2 = Date.now();
  await expectAccessible(page, { tags: WCAG });
  if (process.env.CRAWL_TIMING) console.info(`[timing] ${href} goto ${t1 - t0} ms, checks ${t2 - t1} ms, axe ${Date.now() - t2} ms`);
}

/** Visits the start pages, then one page of each route pattern linked from what it saw, breadth first. */
async function crawl(page: Page, starts: string[], locale: 'en' | 'ar', skip: string[]): Promise<Set<string>> {
  const seen = new Set<string>(skip);
  const queue = [...starts];
  while (queue.length) {
    const href = queue.shift()!;
    const route = routeOf(new URL(href, 'http://x').pathname);
    if (!route || seen.has(route)) continue;
    seen.add(route);
    await check(page, href, locale);
    const links = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const link of links) {
      const r = routeOf(new URL(link, 'http://x').pathname);
      if (r && !seen.has(r) && !PUBLIC.includes(r) && !queue.some((q) => routeOf(new URL(q, 'http://x').pathname) === r)) queue.push(link);
    }
  }
  return seen;
}

/** Chooses a language in the member menu (saved in the member's preferences) and waits for the page to follow. */
async function chooseLanguage(page: Page, locale: 'en' | 'ar') {
  await page.goto('/home');
  await page.locator('header button[aria-haspopup="menu"]').click();
  await page.getByRole('menuitemradio', { name: locale === 'ar' ? 'العربية' : 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** The address of the member's own seeded thread (with others' replies), found by searching for its title. */
async function ownThread(page: Page) {
  await page.goto('/search?q=cuestionario');
  const link = page
    .locator('#results-discussions')
    .getByRole('link', { name: /Encuesta a jóvenes adultos/ })
    .first();
  await expect(link, 'the member finds its own thread by search').toBeVisible();
  return (await link.getAttribute('href'))!;
}

const started = Date.now();
const counts: number[] = [];

test('the crawl knows every page of the app', () => {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (entry.name === 'page.tsx') found.push(`/${path.relative('app', dir)}`.replace(/\/\([^)]+\)/g, '').replace(/\/$/, '') || '/');
    }
  };
  walk('app');
  expect(found.filter((r) => !NOT_IN_PRODUCTION.includes(r)).sort()).toEqual(Object.keys(ROUTES).sort());
});

for (const [role, plan] of Object.entries(ROLES)) {
  test(`every page a ${role} can reach, in English and in Arabic`, async ({ page }) => {
    test.setTimeout(900_000);
    const problems: string[] = [];
    watchTranslations(page, problems);
    // Links do not prefetch (app/_components/link.tsx): every member page is dynamic, and a prefetch of
    // one only costs the server a request.
    page.on('request', (request) => {
      if (request.headers()['next-router-prefetch']) problems.push(`${page.url()}: prefetched ${request.url()}`);
    });
    await page.goto('/sign-in');
    await expectAccessible(page);
    await page.locator('main input[name=email]').fill(plan.email);
    await page.locator('main input[name=password]').fill(DEMO_PASSWORD);
    await page.locator('main form button[type=submit]').click();
    if (role !== 'member') await passSecondFactor(page, plan.email);
    await expect(page).toHaveURL(/\/home$/);
    for (const locale of ['en', 'ar'] as const) {
      await chooseLanguage(page, locale);
      const skip = role === 'member' ? [] : SAME_FOR_EVERY_ROLE;
      const starts = role === 'member' ? [await ownThread(page), ...plan.starts] : plan.starts;
      const seen = await crawl(page, starts, locale, skip);
      for (const route of plan.expect) expect(seen, `${role} reached ${route}`).toContain(route);
      counts.push(seen.size - skip.length);
      console.info(`[crawl] ${role}, ${locale}: ${seen.size - skip.length} pages`);
    }
    expect(problems).toEqual([]);
  });
}

test('public pages, in English and in Arabic (the public language switcher)', async ({ page }) => {
  const problems: string[] = [];
  watchTranslations(page, problems);
  for (const locale of ['en', 'ar'] as const) {
    if (locale === 'ar') {
      await page.goto('/');
      await page.locator('header summary').click();
      await page.getByRole('button', { name: 'العربية' }).click();
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    }
    for (const href of PUBLIC) await check(page, href, locale);
    counts.push(PUBLIC.length);
  }
  expect(problems).toEqual([]);
});

test.afterAll(() => {
  const pages = counts.reduce((a, b) => a + b, 0);
  if (pages) console.info(`[crawl] ${pages} pages checked with axe in this worker, ${Math.round((Date.now() - started) / 1000)} s`);
});
