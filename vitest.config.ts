import { globSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const TEST_FILES = ['{lib,db,app,seed,testing}/**/*.test.{ts,tsx}', '*.test.ts'];

/**
 * What makes a test file need a module registry of its own: it replaces modules (`vi.mock`), spies on or
 * stubs shared objects, changes the environment or the clock, or sets globals. Such a file runs in a
 * fresh process (Vitest's isolation); every other file shares its worker's modules with the files run
 * before it, and gets its own database all the same (testing/setup-file.ts). Starting a process and
 * importing the app's modules again for each of 120 files was most of the suite's time (decision 001).
 */
const NEEDS_ISOLATION =
  /\bvi\.(mock|doMock|spyOn|stubGlobal|stubEnv|useFakeTimers|setSystemTime)\b|process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|delete process\.env|globalThis(\.\w+|\[[^\]]+\])\s*=[^=]/;

const files = globSync(TEST_FILES, { cwd: root });
const isolated = files.filter((file) => NEEDS_ISOLATION.test(readFileSync(path.join(root, file), 'utf8')));
const shared = files.filter((file) => !isolated.includes(file));

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      'server-only': path.resolve(root, 'testing/empty.ts'),
    },
  },
  test: {
    globalSetup: ['testing/global-setup.ts'],
    setupFiles: ['testing/setup-file.ts'],
    pool: 'forks',
    // On Postgres a test file mostly waits for the server: twice the cores (225 → 133 s on two). Embedded
    // PGlite runs in the worker itself, yet waits on its disk and timers too: one more than the cores
    // (307 s with Vitest's default of two on two cores, 221 s with three).
    maxWorkers: process.env.DATABASE_URL ? 2 * availableParallelism() : availableParallelism() + 1,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test', RATE_LIMIT_SCALE: '1', APP_URL: 'http://portal.test' },
    projects: [
      { extends: true, test: { name: 'isolated', include: isolated } },
      { extends: true, test: { name: 'shared', include: shared, isolate: false } },
    ],
  },
});
