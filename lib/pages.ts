import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { recordDenied } from '@/lib/audit/denied';
import { getViewer } from '@/lib/auth/viewer';
import { loggableError, NotFoundError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { requestInfo } from '@/lib/request';

/**
 * Records a page's authorization failure once per request (a layout and its page may both refuse the
 * same request: React's `cache` makes that one row).
 */
const recordPageDenial = cache(async (what: string | undefined) => {
  // Recording never stands between the viewer and the 404 (outside a request, or with the database down).
  try {
    const viewer = await getViewer();
    // The path without its query: a query can carry a token (reset, unsubscribe links).
    const path = (await headers()).get('x-pathname')?.split('?')[0];
    await recordDenied(viewer, { door: 'page', what, path }, (await requestInfo()).ip);
  } catch (error) {
    logger.warn({ error: loggableError(error) }, 'authorization failure not recorded');
  }
});

/**
 * A page's 404 for something the viewer may not see, recorded first as an authorization failure
 * (lib/audit/denied.ts: audited for members within a limit, counted otherwise). Pages that decide
 * "not for you" themselves (a role, canEdit) call this instead of next/navigation's notFound().
 */
export async function pageNotFound(what?: string): Promise<never> {
  await recordPageDenial(what);
  notFound();
}

/**
 * The one door from a data-layer read to a page's 404: what the viewer may not see does not exist for
 * them. A read that throws NotFoundError, or finds nothing (null), renders the nearest not-found.tsx
 * (after pageNotFound records it); any other error stays an error (error.tsx).
 *
 *     const thread = await visibleOr404(getThread(viewer, id));
 */
export async function visibleOr404<T>(read: Promise<T>): Promise<NonNullable<T>> {
  let value: T;
  try {
    value = await read;
  } catch (error) {
    if (error instanceof NotFoundError) return pageNotFound(error.what);
    throw error;
  }
  if (value === null || value === undefined) return pageNotFound();
  return value;
}
