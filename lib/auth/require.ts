import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { isAdmin } from '@/lib/dal/roles';
import { pageNotFound } from '@/lib/pages';
import { getGuidelinesPendingViewer, getPendingSession, getViewer, type Viewer } from './viewer';

/**
 * For member pages: the viewer, or off to sign-in (coming back here afterwards). A session still waiting
 * for its second factor (or its forced enrolment) is sent back to that step, and someone who has not
 * accepted the guidelines in force to /guidelines/accept: neither reaches anything else.
 */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  const path = (await headers()).get('x-pathname') ?? '/home';
  if (await getGuidelinesPendingViewer()) redirect(`/guidelines/accept?next=${encodeURIComponent(path)}`);
  if (await getPendingSession()) redirect(`/sign-in/second-factor?next=${encodeURIComponent(path)}`);
  redirect(`/sign-in?next=${encodeURIComponent(path)}`);
}

/** For admin pages: anyone but an admin is told the page does not exist. */
export async function requireAdmin(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!isAdmin(viewer)) await pageNotFound('admin');
  return viewer;
}
