import axe, { type Result } from 'axe-core';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { E2E_URL } from './env';

/**
 * Every spec imports `test` and `expect` from here. An automatic fixture watches each page a test opens
 * (its own `page`, and pages from `newPage()`, which opens a separate browser, i.e. another person):
 *  - every path a page visits must have been checked with axe (`expectAccessible(page)`, on any of the
 *    test's pages) by the end of the test; each page's last state is checked automatically, any other
 *    unchecked path fails the test;
 *  - a Content-Security-Policy violation or an uncaught error in the page fails the test.
 */

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface PageState {
  visited: Set<string>;
  checked: Set<string>;
  problems: string[];
}

const states = new WeakMap<Page, PageState>();
/** Paths checked with axe during the current test, by any of its pages (a worker runs one test at a time). */
let checkedInTest = new Set<string>();

/** Whether axe already checked this path during the current test. */
export function checkedAlready(path: string): boolean {
  return checkedInTest.has(path);
}

function pathOf(url: string): string | null {
  if (!url.startsWith(E2E_URL)) return null;
  return new URL(url).pathname;
}

function watch(page: Page): PageState {
  const existing = states.get(page);
  if (existing) return existing;
  const state: PageState = { visited: new Set(), checked: new Set(), problems: [] };
  states.set(page, state);
  const seen = (url: string) => {
    const p = pathOf(url);
    if (p) state.visited.add(p);
  };
  seen(page.url());
  // A path counts as visited once the page stays on it: the router passes through a URL on its way to a
  // redirect (e.g. a member page answering with sign-in), which nobody gets to see.
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    const url = frame.url();
    setTimeout(() => {
      if (!page.isClosed() && page.url() === url) seen(url);
    }, 500);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      state.problems.push(`CSP violation on ${pathOf(page.url()) ?? page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => {
    state.problems.push(`Uncaught error on ${pathOf(page.url()) ?? page.url()}: ${error.message}`);
  });
  return state;
}

/**
 * axe-core's `run` in the page, as @axe-core/playwright's legacy mode does, with two differences that make
 * a check take ~0.1–0.4 s instead of 1.3–2.4 s on two cores (decision 001): axe's 550 KB source is given to
 * each document as it starts (an init script of the test's contexts, which Chromium compiles once rather
 * than for every page; a client-side navigation keeps it), not before every check, and the results are not
 * finished in a new blank page (that runner's default, made for cross-origin frames: the portal's pages
 * have none, and its CSP allows only its own). Each frame of the page gets axe, as there.
 */
async function runAxe(page: Page, options: { include?: string; disableRules?: string[]; tags?: string[] }): Promise<Result[]> {
  for (const frame of page.frames()) {
    const state = await frame.evaluate('window.__axeReady === true ? "ready" : typeof window.axe');
    if (state === 'ready') continue;
    // Pages of the test's contexts get axe as they are created (PageWatcher.watchContext); any other
    // document gets it here.
    if (state !== 'object') await frame.evaluate(axe.source);
    // From the first check on, colours change at once (a transition under way ends where it was going):
    // a submit button enabled again while axe ran (its form's answer arriving) was read mid-fade, at
    // 2.97:1, a state nobody reads. A constructed stylesheet, which the page's CSP does not govern;
    // nothing else about the page changes. The portal has no animations.
    await frame.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('*, ::before, ::after { transition: none !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      (window as unknown as { __axeReady: boolean }).__axeReady = true;
    });
  }
  const runOptions: axe.RunOptions = {
    runOnly: { type: 'tag', values: options.tags ?? AXE_TAGS },
    // Only violations are reported in detail (passes and incomplete results would only be thrown away).
    resultTypes: ['violations'],
    rules: Object.fromEntries((options.disableRules ?? []).map((id) => [id, { enabled: false }])),
  };
  return page.evaluate(
    async ({ include, runOptions }) => {
      const { axe } = window as unknown as { axe: typeof import('axe-core') };
      const results = await axe.run(include ? { include: [include] } : document, runOptions);
      return results.violations;
    },
    { include: options.include ?? null, runOptions },
  );
}

/**
 * Runs axe (WCAG 2.2 A/AA and best practices) on the page as it is now; fails on any violation.
 * `tags` narrows the rule sets (the crawl runs WCAG 2.2 A/AA only, best practices being checked by the journeys).
 * `include` limits the scan to one part (e.g. an open menu: a modal menu hides the rest of the page
 * with aria-hidden, which axe would report against the page behind it); it does not count as checking the page.
 */
export async function expectAccessible(page: Page, options: { include?: string; disableRules?: string[]; tags?: string[] } = {}): Promise<void> {
  await page.waitForLoadState('domcontentloaded');
  // After a client-side navigation the router sets the new title a moment after the URL changes.
  const titled = () =>
    expect(page)
      .toHaveTitle(/\S/, { timeout: 5_000 })
      .catch(() => {});
  await titled();
  let violations = await runAxe(page, options);
  if (violations.some((v) => v.id === 'document-title')) {
    // The router streams a navigation's <title> after the page's content, and takes the old one away when
    // the new page commits: the title above can be the last page's, and the check fall in between (seen
    // once on CI, on /spaces/[slug]/new). A page without a title still fails: checked again once it has one.
    await titled();
    violations = await runAxe(page, options);
  }
  const where = pathOf(page.url()) ?? page.url();
  const report = violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'})\n${nodes}`;
    })
    .join('\n');
  if (violations.length) throw new Error(`Accessibility violations on ${where} (axe):\n${report}`);
  const p = pathOf(page.url());
  if (p && !options.include) {
    watch(page).checked.add(p);
    checkedInTest.add(p);
  }
}

class PageWatcher {
  private pages = new Set<Page>();
  private contexts: BrowserContext[] = [];

  constructor(private browser: Browser) {}

  /** Watches the context's pages, and gives each of its documents axe as it starts (see runAxe). */
  async watchContext(context: BrowserContext) {
    await context.addInitScript({ content: axe.source });
    for (const page of context.pages()) this.add(page);
    context.on('page', (page) => this.add(page));
  }

  private add(page: Page) {
    watch(page);
    this.pages.add(page);
  }

  /** A page in a new browser context: another browser, another person, its own cookies (and language, when given). */
  async newPage(options: { locale?: string; timezoneId?: string } = {}): Promise<Page> {
    const context = await this.browser.newContext({ baseURL: E2E_URL, locale: 'en-GB', timezoneId: 'Europe/London', ...options });
    this.contexts.push(context);
    await this.watchContext(context);
    return context.newPage();
  }

  async verify() {
    const failures: string[] = [];
    for (const page of this.pages) {
      const state = watch(page);
      if (!page.isClosed()) {
        const current = pathOf(page.url());
        if (current && !state.checked.has(current)) await expectAccessible(page);
      }
      const unchecked = [...state.visited].filter((p) => !checkedInTest.has(p));
      if (unchecked.length) failures.push(`Pages visited but not checked with expectAccessible(): ${unchecked.join(', ')}`);
      failures.push(...state.problems);
    }
    if (failures.length) throw new Error(failures.join('\n'));
  }

  async close() {
    await Promise.all(this.contexts.map((c) => c.close()));
  }
}

export const test = base.extend<{ pages: PageWatcher; newPage: PageWatcher['newPage'] }>({
  pages: [
    async ({ context, browser }, provide, testInfo) => {
      checkedInTest = new Set();
      const watcher = new PageWatcher(browser);
      await watcher.watchContext(context);
      try {
        await provide(watcher);
        if (testInfo.status === testInfo.expectedStatus) await watcher.verify();
      } finally {
        await watcher.close();
      }
    },
    { auto: true },
  ],
  newPage: async ({ pages }, provide) => {
    await provide((options) => pages.newPage(options));
  },
});

export { expect };
