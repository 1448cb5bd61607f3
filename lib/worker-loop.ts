import 'server-only';
import { logger } from './logger';

interface LoopState {
  everyMs: number;
  running: boolean;
  /** When the last run ended (well or not), or when the loop started. */
  lastRunEnded: number;
  runStarted: number;
}

const LOOPS = Symbol.for('protectors-portal.worker-loops');
function loops(): Map<string, LoopState> {
  const g = globalThis as typeof globalThis & { [LOOPS]?: Map<string, LoopState> };
  return (g[LOOPS] ??= new Map());
}

/**
 * Runs `work` every `everyMs` in this server process, never two runs at once, started once per process
 * (a Symbol.for global survives module re-evaluation). The work itself must be safe across instances.
 */
export function startWorkerLoop(name: string, everyMs: number, work: () => Promise<unknown>): void {
  if (loops().has(name)) return;
  const state: LoopState = { everyMs, running: false, lastRunEnded: Date.now(), runStarted: 0 };
  loops().set(name, state);
  const timer = setInterval(() => {
    if (state.running) return;
    state.running = true;
    state.runStarted = Date.now();
    work()
      .catch((error) => logger.error({ err: error }, `${name} run failed`))
      .finally(() => {
        state.running = false;
        state.lastRunEnded = Date.now();
      });
  }, everyMs);
  timer.unref();
}

/** A run may take this long (a large PDF's text) before its loop counts as stuck. */
const LONGEST_RUN_MS = 10 * 60_000;

/**
 * Whether each named loop runs in this process and keeps ticking: started, and either running for less
 * than ten minutes or last finished within three of its intervals (plus ten seconds of slack).
 */
export function workersAlive(names: string[], now = Date.now()): boolean {
  return names.every((name) => {
    const state = loops().get(name);
    if (!state) return false;
    return state.running ? now - state.runStarted < LONGEST_RUN_MS : now - state.lastRunEnded < 3 * state.everyMs + 10_000;
  });
}
