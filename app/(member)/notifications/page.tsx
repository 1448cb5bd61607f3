import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { chathamLabelText } from '@/lib/i18n/chatham-label';
import { Pager } from '@/app/_components/list-controls';
import { requireViewer } from '@/lib/auth/require';
import { listNotifications, unreadNotificationCount, type NotificationItem } from '@/lib/dal/notifications/notifications';
import { pageOfPost } from '@/lib/dal/discussions/posts';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { markAllReadAction, markReadAction } from './actions';
import { Badge } from '@/app/_components/ui/badge';
import { NewNotifications } from './new-notifications';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('discussions.notifications'))('title') };
}

function href(n: NotificationItem): string {
  // Quarantine alerts (admins only) open the uploader's admin page, where the incident is listed.
  if (n.kind === 'file_quarantined') return n.actorId ? `/admin/users/${n.actorId}` : '/admin/blocklist';
  // A warning opens the member's own list of warnings; a temporary suspension (admins) the member's admin page.
  if (n.kind === 'warning') return '/settings/warnings';
  if (n.kind === 'member_suspended') return n.actorId ? `/admin/users/${n.actorId}` : '/admin/users';
  if (n.resourceId) return `/resources/${n.resourceId}`;
  if (n.threadId) return n.postNumber ? `/threads/${n.threadId}?page=${pageOfPost(n.postNumber)}#post-${n.postNumber}` : `/threads/${n.threadId}`;
  return n.spaceSlug ? `/spaces/${n.spaceSlug}` : '/spaces';
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const raw = await searchParams;
  const [page, unread] = await Promise.all([
    listNotifications(viewer, typeof raw.cursor === 'string' ? raw.cursor.slice(0, 400) : undefined),
    unreadNotificationCount(viewer),
  ]);
  const t = await getTranslations('discussions');
  const tn = await getTranslations('notify.settings');
  const format = await getFormatter();
  const locale = await getLocale();
  const anyUnread = page.items.some((n) => !n.readAt);
  return (
    <div className="max-w-3xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-900">{t('notifications.title')}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <NewNotifications key={unread} unread={unread} />
          <Link href="/settings/notifications">{tn('link')}</Link>
          {anyUnread ? (
            <ActionButton action={markAllReadAction} fields={{}} pendingLabel={t('notifications.marking')}>
              {t('notifications.markAll')}
            </ActionButton>
          ) : null}
        </div>
      </div>
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t('notifications.empty')}</p>
      ) : null}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {page.items.map((n) => {
          const text = t.rich(`notifications.${n.kind}`, {
            // Under the Chatham House Rule the actor is their sector and region (decision 031).
            actor: n.actorChatham ? chathamLabelText(locale, n.actorChatham) : (n.actorName ?? t('notifications.someone')),
            title: n.threadTitle ?? n.resourceTitle ?? '',
            space: n.spaceName ?? '',
            b: (chunks) => <bdi className="font-semibold">{chunks}</bdi>,
          });
          return (
            <li key={n.id} className={`flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between ${n.readAt ? '' : 'bg-brand-50'}`}>
              <div className="min-w-0 space-y-1">
                <p>
                  {!n.readAt ? (
                    <Badge tone="emphasis" className="me-2">
                      {t('notifications.unread')}
                    </Badge>
                  ) : null}
                  <Link href={href(n)}>{text}</Link>
                </p>
                <p className="text-sm text-slate-600">
                  <time dateTime={n.createdAt.toISOString()}>{format.dateTime(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                </p>
              </div>
              {!n.readAt ? (
                <ActionButton action={markReadAction} fields={{ id: n.id }} variant="ghost" pendingLabel={t('notifications.marking')}>
                  {t('notifications.markRead')}
                </ActionButton>
              ) : null}
            </li>
          );
        })}
      </ul>
      {page ? <Pager path="/notifications" params={{}} previous={page.previous} next={page.next} /> : null}
    </div>
  );
}
