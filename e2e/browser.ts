import { existsSync } from 'node:fs';

/**
 * Which Chromium the end-to-end tests drive (Playwright cannot download its own browsers here), in this
 * order of preference:
 *   1. E2E_CHROMIUM, a path to any Chromium or Chrome;
 *   2. the system's Chromium (Debian's `apt-get install chromium`, /usr/lib/chromium/chromium);
 *   3. the one that comes through npm, @sparticuz/chromium (a devDependency), unpacked into the
 *      temporary folder on first use: a bare machine with only Node needs nothing else.
 * E2E_BROWSER=npm skips the system Chromium (to check the npm one on a machine that has both).
 * The path found is put in E2E_CHROMIUM, so Playwright's worker processes (which load the configuration
 * again) use the same browser without unpacking it a second time.
 */
export const SYSTEM_CHROMIUM = '/usr/lib/chromium/chromium';

export async function chromiumExecutable(): Promise<{ path: string; source: 'E2E_CHROMIUM' | 'system' | 'npm' }> {
  if (process.env.E2E_CHROMIUM) return { path: process.env.E2E_CHROMIUM, source: 'E2E_CHROMIUM' };
  if (process.env.E2E_BROWSER !== 'npm' && existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system' };
  const { default: chromium } = await import('@sparticuz/chromium');
  const path = await chromium.executablePath();
  process.env.E2E_CHROMIUM = path;
  return { path, source: 'npm' };
}
