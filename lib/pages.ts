import 'server-only';
import { notFound } from 'next/navigation';
import { NotFoundError } from '@/lib/errors';

/**
 * The one door from a data-layer read to a page's 404: what the viewer may not see does not exist for
 * them. A read that throws NotFoundError, or finds nothing (null), renders the nearest not-found.tsx;
 * any other error stays an error (error.tsx).
 *
 *     const thread = await visibleOr404(getThread(viewer, id));
 */
export async function visibleOr404<T>(read: Promise<T>): Promise<NonNullable<T>> {
  let value: T;
  try {
    value = await read;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  if (value === null || value === undefined) notFound();
  return value;
}
