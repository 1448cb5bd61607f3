import type { ReactNode } from 'react';
import { AreaMessages } from '@/app/_components/area-messages';

/** The spaces' list and pages: the join form's messages, on top of the member area's (lib/i18n/messages.ts). */
export default function Layout({ children }: { children: ReactNode }) {
  return <AreaMessages area="spaces">{children}</AreaMessages>;
}
