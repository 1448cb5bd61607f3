#!/usr/bin/env node
/**
 * `npm run test:e2e [-- <playwright arguments>]`: builds the production app, then runs Playwright
 * (whose web server seeds a fresh database and runs the portal's server on port 3300, see playwright.config.ts).
 *
 *   --no-build   reuse the existing .next build (quicker while writing specs; also E2E_SKIP_BUILD=1)
 *
 * Anything else is passed to `playwright test`, e.g. `npm run test:e2e -- --no-build e2e/sign-in.spec.ts`.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build') || process.env.E2E_SKIP_BUILD === '1';
const playwrightArgs = args.filter((a) => a !== '--no-build');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function run(label, file, fileArgs, extraEnv = {}) {
  const started = Date.now();
  console.info(`[e2e] ${label}…`);
  const result = spawnSync(process.execPath, [file, ...fileArgs], { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    console.error(`[e2e] ${label} failed after ${seconds} s.`);
    process.exit(result.status || 1);
  }
  console.info(`[e2e] ${label}: done in ${seconds} s.`);
}

if (!skipBuild) {
  // The build reads no runtime configuration: it is checked when the server starts.
  run('next build', require.resolve('next/dist/bin/next'), ['build'], { NODE_ENV: 'production' });
}
run('playwright test', require.resolve('@playwright/test/cli'), ['test', ...playwrightArgs]);
