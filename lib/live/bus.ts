/**
 * The live-event bus of this process: ONE `LISTEN portal_events` (db/index.ts `listen`) shared by every
 * open event stream of the process. The events are written by triggers in the transactions that cause
 * them (db/migrations/0017_live_events.sql), so every instance on the database hears every event; they
 * carry ids only and each stream loads what its member may see. Nothing here is state another instance
 * needs: only this process's listeners (decision 015).
 */
import 'server-only';
import { z } from 'zod';
import { database, type DatabaseHandle } from '@/db';
import { logger } from '@/lib/logger';

export const LIVE_CHANNEL = 'portal_events';

const eventSchema = z.discriminatedUnion('k', [
  z.object({ k: z.literal('post'), thread: z.uuid(), post: z.uuid() }),
  // `users` absent: too many members to name, every stream counts again.
  z.object({ k: z.literal('unread'), users: z.array(z.uuid()).optional() }),
  // A direct message was written in conversation `c` of these members (lib/dal/messages/write.ts): each stream
  // counts again, and one that has the conversation open asks what of it reaches its member.
  z.object({ k: z.literal('messages'), c: z.uuid().optional(), users: z.array(z.uuid()) }),
]);
export type LiveEvent = z.infer<typeof eventSchema>;
export type LiveListener = (event: LiveEvent) => void;

interface Bus {
  handle: DatabaseHandle | null;
  listeners: Set<LiveListener>;
  started: Promise<() => Promise<void>> | null;
}

const KEY = Symbol.for('protectors-portal.live-bus');
function bus(): Bus {
  const g = globalThis as typeof globalThis & { [KEY]?: Bus };
  return (g[KEY] ??= { handle: null, listeners: new Set(), started: null });
}

/** A NOTIFY payload as an event, or null (logged) when it is not one of ours. */
export function parseLiveEvent(payload: string): LiveEvent | null {
  try {
    return eventSchema.parse(JSON.parse(payload));
  } catch {
    logger.warn({ channel: LIVE_CHANNEL }, 'live event ignored: unexpected payload');
    return null;
  }
}

function dispatch(payload: string) {
  const event = parseLiveEvent(payload);
  if (!event) return;
  for (const listener of bus().listeners) listener(event);
}

/** Starts listening (once per process and database handle); answers the way to stop listening. */
export async function subscribe(listener: LiveListener): Promise<() => void> {
  const b = bus();
  const handle = database();
  if (b.handle !== handle) {
    // A new database handle (tests install one per file): listen on it instead.
    const previous = b.started;
    b.started = null;
    b.handle = handle;
    void previous?.then((stop) => stop()).catch(() => {});
  }
  b.listeners.add(listener);
  try {
    await (b.started ??= handle.listen(LIVE_CHANNEL, dispatch));
  } catch (error) {
    b.started = null;
    b.listeners.delete(listener);
    throw error;
  }
  return () => {
    b.listeners.delete(listener);
  };
}

/** Stops this process's LISTEN (tests, before their database closes). */
export async function stopLiveBus(): Promise<void> {
  const b = bus();
  const started = b.started;
  b.started = null;
  b.handle = null;
  b.listeners.clear();
  await started?.then((stop) => stop()).catch(() => {});
}
