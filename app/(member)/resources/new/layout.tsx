import type { ReactNode } from 'react';
import { AreaMessages } from '@/app/_components/area-messages';

/** A resource's page and its forms: their own messages instead of the list's (MEMBER_SUBSEGMENTS in lib/i18n/messages.ts). */
export default function Layout({ children }: { children: ReactNode }) {
  return <AreaMessages area="resourceForms">{children}</AreaMessages>;
}
