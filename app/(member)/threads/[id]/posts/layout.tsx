import type { ReactNode } from 'react';
import { AreaMessages } from '@/app/_components/area-messages';

/** A post's edit, history and report pages: the editor's and reporting's messages, which a thread's page does not carry (MEMBER_SUBSEGMENTS in lib/i18n/messages.ts). */
export default function Layout({ children }: { children: ReactNode }) {
  return <AreaMessages area="discussionPost">{children}</AreaMessages>;
}
