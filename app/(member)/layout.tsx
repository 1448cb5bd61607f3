import type { ReactNode } from 'react';
import { MemberShell } from '@/app/_components/member-shell';
import { requireViewer } from '@/lib/auth/require';
import { UrgentBanner } from './notifications/urgent-banner';

export default async function MemberLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  return (
    <MemberShell viewer={viewer}>
      <UrgentBanner viewer={viewer} />
      {children}
    </MemberShell>
  );
}
