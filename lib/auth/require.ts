import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { isAdmin } from '@/lib/dal/access';
import { getViewer, type Viewer } from './viewer';

/** For member pages: the viewer, or off to sign-in (coming back here afterwards). */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  const path = (await headers()).get('x-pathname') ?? '/home';
  redirect(`/sign-in?next=${encodeURIComponent(path)}`);
}

/** For admin pages: anyone but an admin is told the page does not exist. */
export async function requireAdmin(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!isAdmin(viewer)) notFound();
  return viewer;
}
