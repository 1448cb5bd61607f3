import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { MemberShell } from '@/app/_components/member-shell';
import { requireAdmin } from '@/lib/auth/require';
import { AdminNav } from './_components/admin-nav';

/** The Secretariat's console: admins only (anyone else is told the page does not exist). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await requireAdmin();
  const t = await getTranslations('admin.nav');
  const links = [
    { href: '/admin', label: t('overview') },
    { href: '/admin/applications', label: t('applications') },
    { href: '/admin/users', label: t('users') },
    { href: '/admin/organisations', label: t('organisations') },
    { href: '/admin/expertise', label: (await getTranslations('directory.expertise'))('title') },
    { href: '/admin/audit', label: t('audit') },
  ];
  return (
    <MemberShell viewer={viewer}>
      <div className="space-y-8">
        <AdminNav label={t('label')} links={links} />
        {children}
      </div>
    </MemberShell>
  );
}
