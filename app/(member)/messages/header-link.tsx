import { HeaderIconLink } from '@/app/_components/header-icon-link';
import { LiveMessages } from '@/app/_components/live';
import type { Viewer } from '@/lib/auth/viewer';
import { UNREAD_CONVERSATIONS_CAP, unreadConversationCount } from '@/lib/dal/messages/conversations';

/** The header's link to /messages with the number of conversations holding unread messages (beside the notifications bell), kept live. */
export async function MessagesLink({ viewer }: { viewer: Viewer }) {
  const count = await unreadConversationCount(viewer);
  return (
    <HeaderIconLink href="/messages" paths={['M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z']}>
      <LiveMessages key={count} initial={count} cap={UNREAD_CONVERSATIONS_CAP} />
    </HeaderIconLink>
  );
}
