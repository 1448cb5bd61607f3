import { HeaderIconLink } from '@/app/_components/header-icon-link';
import { LiveUnread } from '@/app/_components/live';
import type { Viewer } from '@/lib/auth/viewer';
import { UNREAD_NOTIFICATIONS_CAP, unreadNotificationCount } from '@/lib/dal/notifications/notifications';

/** The header's link to /notifications with the unread count (only notifications the viewer may still see), kept live. */
export async function NotificationsLink({ viewer }: { viewer: Viewer }) {
  const count = await unreadNotificationCount(viewer);
  return (
    <HeaderIconLink href="/notifications" paths={['M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9', 'M10.3 21a1.94 1.94 0 0 0 3.4 0']}>
      <LiveUnread key={count} initial={count} cap={UNREAD_NOTIFICATIONS_CAP} />
    </HeaderIconLink>
  );
}
