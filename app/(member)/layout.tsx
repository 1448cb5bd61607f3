import type { ReactNode } from 'react';
import { MemberShell } from '@/app/_components/member-shell';
import { requireViewer } from '@/lib/auth/require';

export default async function MemberLayout({ children }: { children: ReactNode }) {
  return <MemberShell viewer={await requireViewer()}>{children}</MemberShell>;
}
