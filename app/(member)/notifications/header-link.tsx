import { HeaderIconLink } from '@/app/_components/header-icon-link';
import { LiveUnread } from '@/app/_components/live';
import type { Viewer } from '@/lib/auth/viewer';
import { UNREAD_NOTIFICATIONS_CAP } from '@/lib/dal/notifications/notifications';
import { memberShellState } from '@/lib/dal/member-shell';

/** The header's link to /notifications with the unread count (only notifications the viewer may still see), kept live. */
export async function NotificationsLink({ viewer }: { viewer: Viewer }) {
  const count = (await memberShellState(viewer)).unreadNotifications;
  return (
    <HeaderIconLink href="/notifications" icon="notifications">
      <LiveUnread key={count} initial={count} cap={UNREAD_NOTIFICATIONS_CAP} />
    </HeaderIconLink>
  );
}
