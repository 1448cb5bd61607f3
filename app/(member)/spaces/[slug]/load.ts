import 'server-only';
import { requireViewer } from '@/lib/auth/require';
import { getSpaceBySlug } from '@/lib/dal/discussions/spaces';
import { visibleOr404 } from '@/lib/pages';

/** A slug as typed in the address; one that does not decode is looked up as it is (and found nowhere: 404). */
function slugOf(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The space by its slug as the viewer may see it (404 when they may not). */
export async function loadSpace(params: Promise<{ slug: string }>) {
  const viewer = await requireViewer();
  return { viewer, space: await visibleOr404(getSpaceBySlug(viewer, slugOf((await params).slug))) };
}
