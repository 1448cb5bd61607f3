import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { MemberShell } from '@/app/_components/member-shell';
import { requireViewer } from '@/lib/auth/require';
import { isAdmin } from '@/lib/dal/roles';
import { isModerator } from '@/lib/dal/roles';
import { pageNotFound } from '@/lib/pages';
import { AdminNav } from './_components/admin-nav';
import { isModerationPath } from './moderation/path';

/**
 * The Secretariat's console: admins only (anyone else is told the page does not exist), except
 * /admin/moderation, which moderators use too. Each page checks its viewer again itself.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const moderatorOnly = !isAdmin(viewer);
  const moderationPath = isModerationPath((await headers()).get('x-pathname'));
  if (moderatorOnly && !(isModerator(viewer) && moderationPath)) await pageNotFound(moderationPath ? 'moderator' : 'admin');
  const t = await getTranslations('admin.nav');
  const tDiscussions = await getTranslations('discussions');
  const moderation = { href: '/admin/moderation', label: tDiscussions('nav.moderation') };
  const links = moderatorOnly
    ? [moderation]
    : [
        { href: '/admin', label: t('overview') },
        { href: '/admin/applications', label: t('applications') },
        { href: '/admin/users', label: t('users') },
        { href: '/admin/organisations', label: t('organisations') },
        { href: '/admin/expertise', label: (await getTranslations('directory.expertise'))('title') },
        { href: '/admin/spaces', label: tDiscussions('admin.title') },
        moderation,
        { href: '/admin/blocklist', label: (await getTranslations('blocklist'))('title') },
        { href: '/admin/guidelines', label: (await getTranslations('guidelines.admin'))('nav') },
        { href: '/admin/reverification', label: (await getTranslations('reverification.admin'))('nav') },
        { href: '/admin/audit', label: t('audit') },
        { href: '/admin/outbox', label: t('outbox') },
      ];
  return (
    <MemberShell viewer={viewer} area="admin">
      <div className="space-y-8">
        <AdminNav label={t('label')} links={links} />
        {children}
      </div>
    </MemberShell>
  );
}
