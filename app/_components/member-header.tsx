import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Viewer } from '@/lib/auth/viewer';
import { MessagesLink } from '@/app/(member)/messages/header-link';
import { NotificationsLink } from '@/app/(member)/notifications/header-link';
import { NavLink } from './nav-link';
import { UserMenu } from './user-menu';
import { isAdmin, isModerator } from '@/lib/dal/roles';
import { localeNames } from '@/lib/i18n/locales';

/** Navigation entries appear once their pages exist. */
export async function MemberHeader({ viewer, demoNotice }: { viewer: Viewer; demoNotice?: string }) {
  const t = await getTranslations();
  const links = [
    { href: '/home', label: t('nav.home') },
    { href: '/directory', label: t('nav.directory') },
    { href: '/spaces', label: t('discussions.nav.spaces') },
    { href: '/resources', label: t('nav.resources') },
    { href: '/search', label: t('discussions.nav.search') },
  ];
  if (isAdmin(viewer)) links.push({ href: '/admin', label: t('nav.admin') });
  else if (isModerator(viewer)) links.push({ href: '/admin/moderation', label: t('discussions.nav.moderation') });
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* One row on wide screens; on phones the navigation gets its own row and scrolls sideways. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
        <Link href="/home" className="shrink-0 font-semibold text-brand-900 no-underline">
          {t('common.appName')}
        </Link>
        <nav aria-label={t('nav.main')} className="order-last -mx-4 w-[calc(100%+2rem)] overflow-x-auto px-4 md:order-none md:mx-0 md:w-auto md:px-0">
          <ul className="flex items-center gap-1 whitespace-nowrap">
            {links.map((l) => (
              <li key={l.href}>
                <NavLink href={l.href}>{l.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ms-auto flex shrink-0 items-center gap-1">
          <MessagesLink viewer={viewer} />
          <NotificationsLink viewer={viewer} />
          <UserMenu name={viewer.name} organisation={viewer.organisationName} languages={localeNames()} />
        </div>
      </div>
      {demoNotice ? <p className="bg-amber-50 px-4 py-1 text-center text-xs text-amber-900">{demoNotice}</p> : null}
    </header>
  );
}
