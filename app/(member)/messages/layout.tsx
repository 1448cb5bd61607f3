import type { ReactNode } from 'react';
import { AreaMessages } from '@/app/_components/area-messages';

/** The messages this part's own forms translate, on top of the member area's (lib/i18n/messages.ts). */
export default function Layout({ children }: { children: ReactNode }) {
  return <AreaMessages area="messages">{children}</AreaMessages>;
}
