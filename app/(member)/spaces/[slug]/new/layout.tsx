import type { ReactNode } from 'react';
import { AreaMessages } from '@/app/_components/area-messages';

/** A new thread's page: the editor's and the marking fields' messages, which the spaces' pages do not carry (MEMBER_SUBSEGMENTS in lib/i18n/messages.ts). */
export default function Layout({ children }: { children: ReactNode }) {
  return <AreaMessages area="discussionsMarked">{children}</AreaMessages>;
}
