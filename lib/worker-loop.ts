import 'server-only';
import { logger } from './logger';

/**
 * Runs `work` every `everyMs` in this server process, never two runs at once, started once per process
 * (a Symbol.for global survives module re-evaluation). The work itself must be safe across instances.
 */
export function startWorkerLoop(name: string, everyMs: number, work: () => Promise<unknown>): void {
  const key = Symbol.for(`protectors-portal.worker.${name}`);
  const g = globalThis as typeof globalThis & { [key: symbol]: NodeJS.Timeout | undefined };
  if (g[key]) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    work()
      .catch((error) => logger.error({ err: error }, `${name} run failed`))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  g[key] = timer;
}
