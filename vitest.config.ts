import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'testing/empty.ts'),
    },
  },
  test: {
    include: ['{lib,db,app,seed,testing}/**/*.test.{ts,tsx}', '*.test.ts'],
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
  },
});
