import 'server-only';
import type { Viewer } from '@/lib/auth/sessions';
import { loggableError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { metrics } from '@/lib/metrics';
import { consume } from '@/lib/rate-limit';
import { audit } from './index';

/** The doors that turn "not visible" into a 404: a page (visibleOr404, requireAdmin), a route handler (withViewer), a server action (defineAction). */
export type Door = 'page' | 'route' | 'action';

export interface Denial {
  door: Door;
  /** What the data layer did not find (NotFoundError's `what`: 'thread', 'file', 'admin'…), when it said. */
  what?: string;
  /** The path asked for (pages and routes), without its query (which can carry a token). */
  path?: string;
  /** For actions: the input's identifier fields (uuids only, never free text), naming the object. */
  ids?: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The uuid-valued fields of an action's input (at most 5): which objects it was about. */
export function identifierFields(input: unknown): Record<string, string> | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const ids = Object.entries(input).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && UUID.test(entry[1]));
  return ids.length ? Object.fromEntries(ids.slice(0, 5)) : undefined;
}

/**
 * Records an authorization failure (decision 022): a signed-in viewer asked for something they may not
 * see (or that does not exist: the portal cannot tell them apart, by design). Each is an `authz.denied`
 * audit row naming who, through which door, what and which object, up to the `authzDenied` limit per
 * member a minute; past it, and for anonymous visitors, only the `pp_authz_denied_total` metric counts,
 * so probing cannot flood the table. Never fails the 404 it accompanies.
 */
export async function recordDenied(viewer: Viewer | null, denial: Denial, ip?: string | null): Promise<void> {
  const counter = metrics().authzDenied;
  try {
    if (!viewer) return counter.inc({ door: denial.door, outcome: 'anonymous' });
    if (!(await consume('authzDenied', `user:${viewer.id}`)).ok) return counter.inc({ door: denial.door, outcome: 'over_limit' });
    const details = Object.fromEntries(Object.entries(denial).filter(([, value]) => value !== undefined));
    await audit({ actorId: viewer.id, action: 'authz.denied', ip: ip ?? null, details });
    counter.inc({ door: denial.door, outcome: 'audited' });
  } catch (error) {
    logger.warn({ error: loggableError(error), door: denial.door }, 'authorization failure not recorded');
  }
}
