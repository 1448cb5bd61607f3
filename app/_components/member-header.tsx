import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Viewer } from '@/lib/auth/viewer';
import { NotificationsLink } from '@/app/(member)/notifications/header-link';
import { NavLink } from './nav-link';
import { UserMenu } from './user-menu';

/** Navigation entries appear once their pages exist. */
export async function MemberHeader({ viewer }: { viewer: Viewer }) {
  const t = await getTranslations();
  const links = [
    { href: '/home', label: t('nav.home') },
    { href: '/directory', label: t('nav.directory') },
    { href: '/spaces', label: t('discussions.nav.spaces') },
    { href: '/resources', label: t('nav.resources') },
    { href: '/search', label: t('discussions.nav.search') },
  ];
  if (viewer.role === 'admin') links.push({ href: '/admin', label: t('nav.admin') });
  if (viewer.role === 'moderator') links.push({ href: '/admin/moderation', label: t('discussions.nav.moderation') });
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-2">
        <div className="flex min-w-0 items-center gap-4">
          <Link href="/home" className="shrink-0 font-semibold text-brand-900 no-underline">
            {t('common.appName')}
          </Link>
          <nav aria-label={t('nav.main')}>
            <ul className="flex flex-wrap items-center gap-1">
              {links.map((l) => (
                <li key={l.href}>
                  <NavLink href={l.href}>{l.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div className="flex shrink-0 items-center gap-1">
          <NotificationsLink viewer={viewer} />
          <UserMenu name={viewer.name} organisation={viewer.organisationName} />
        </div>
      </div>
    </header>
  );
}
