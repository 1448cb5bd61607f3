import { HeaderIconLink } from '@/app/_components/header-icon-link';
import { LiveMessages } from '@/app/_components/live';
import type { Viewer } from '@/lib/auth/viewer';
import { UNREAD_CONVERSATIONS_CAP } from '@/lib/dal/messages/conversations';
import { memberShellState } from '@/lib/dal/member-shell';

/** The header's link to /messages with the number of conversations holding unread messages (beside the notifications bell), kept live. */
export async function MessagesLink({ viewer }: { viewer: Viewer }) {
  const count = (await memberShellState(viewer)).unreadConversations;
  return (
    <HeaderIconLink href="/messages" icon="messages">
      <LiveMessages key={count} initial={count} cap={UNREAD_CONVERSATIONS_CAP} />
    </HeaderIconLink>
  );
}
