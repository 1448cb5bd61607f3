import 'server-only';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/require';
import { getSpaceBySlug } from '@/lib/dal/spaces';
import { NotFoundError } from '@/lib/errors';

/** The space by its slug as the viewer may see it (404 when they may not). */
export async function loadSpace(params: Promise<{ slug: string }>) {
  const viewer = await requireViewer();
  try {
    return { viewer, space: await getSpaceBySlug(viewer, decodeURIComponent((await params).slug)) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
