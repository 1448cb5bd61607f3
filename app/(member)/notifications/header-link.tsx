import Link from 'next/link';
import { LiveUnread } from '@/app/_components/live';
import type { Viewer } from '@/lib/auth/viewer';
import { UNREAD_NOTIFICATIONS_CAP, unreadNotificationCount } from '@/lib/dal/notifications/notifications';

/** The header's link to /notifications with the unread count (only notifications the viewer may still see), kept live. */
export async function NotificationsLink({ viewer }: { viewer: Viewer }) {
  const count = await unreadNotificationCount(viewer);
  return (
    <Link
      href="/notifications"
      className="relative inline-flex min-h-10 min-w-10 items-center justify-center rounded-md px-2 text-slate-700 no-underline hover:bg-slate-100 hover:no-underline"
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="size-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      <LiveUnread key={count} initial={count} cap={UNREAD_NOTIFICATIONS_CAP} />
    </Link>
  );
}
