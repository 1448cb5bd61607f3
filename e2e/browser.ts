import { existsSync } from 'node:fs';

/**
 * Which Chromium the end-to-end tests drive (Playwright cannot download its own browsers here), in this
 * order of preference:
 *   1. E2E_CHROMIUM, a path to any Chromium or Chrome;
 *   2. the one that comes through npm, @sparticuz/chromium (a devDependency): Chromium's headless shell,
 *      unpacked into the temporary folder on first use, so every machine drives the same build with
 *      nothing installed. It also costs the machine less than a full Chromium in headless mode: on two
 *      cores, the same three spec files took 2.4 instead of 3.3 minutes, the browser's processes using
 *      ~160 instead of ~255 s of CPU (decision 001);
 *   3. the system's Chromium (Debian's `apt-get install chromium`, /usr/lib/chromium/chromium), when the
 *      npm one cannot be unpacked, or when asked for with E2E_BROWSER=system.
 * The path found is put in E2E_CHROMIUM, so Playwright's worker processes (which load the configuration
 * again) use the same browser without unpacking it a second time.
 */
export const SYSTEM_CHROMIUM = '/usr/lib/chromium/chromium';

export async function chromiumExecutable(): Promise<{ path: string; source: 'E2E_CHROMIUM' | 'system' | 'npm' }> {
  if (process.env.E2E_CHROMIUM) return { path: process.env.E2E_CHROMIUM, source: 'E2E_CHROMIUM' };
  const system = existsSync(SYSTEM_CHROMIUM);
  if (process.env.E2E_BROWSER === 'system' && system) return { path: SYSTEM_CHROMIUM, source: 'system' };
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    const path = await chromium.executablePath();
    process.env.E2E_CHROMIUM = path;
    return { path, source: 'npm' };
  } catch (error) {
    if (!system) throw error;
    console.warn(`[e2e] the npm Chromium could not be unpacked (${(error as Error).message}); using the system's`);
    return { path: SYSTEM_CHROMIUM, source: 'system' };
  }
}
