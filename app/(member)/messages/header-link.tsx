import { getTranslations } from 'next-intl/server';
import { HeaderIconLink } from '@/app/_components/header-icon-link';
import type { Viewer } from '@/lib/auth/viewer';
import { UNREAD_CONVERSATIONS_CAP, unreadConversationCount } from '@/lib/dal/messages/conversations';

/** The header's link to /messages with the number of conversations holding unread messages (beside the notifications bell). */
export async function MessagesLink({ viewer }: { viewer: Viewer }) {
  const [count, t] = await Promise.all([unreadConversationCount(viewer), getTranslations('messages.nav')]);
  return (
    <HeaderIconLink href="/messages" paths={['M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z']}>
      <span className="sr-only">{count ? t('unread', { count }) : t('messages')}</span>
      {count ? (
        <span
          aria-hidden
          data-testid="messages-badge"
          className="absolute -end-0.5 -top-0.5 rounded-full bg-red-700 px-1.5 text-xs leading-5 font-semibold text-white"
        >
          {count > UNREAD_CONVERSATIONS_CAP ? `${UNREAD_CONVERSATIONS_CAP}+` : count}
        </span>
      ) : null}
    </HeaderIconLink>
  );
}
