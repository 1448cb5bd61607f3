import { getTranslations } from 'next-intl/server';
import type { Viewer } from '@/lib/auth/viewer';
import { MessagesLink } from '@/app/(member)/messages/header-link';
import { NotificationsLink } from '@/app/(member)/notifications/header-link';
import { MemberHeaderFrame } from './member-header-frame';
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
    <MemberHeaderFrame appName={t('common.appName')} navLabel={t('nav.main')} links={links} demoNotice={demoNotice}>
      <MessagesLink viewer={viewer} />
      <NotificationsLink viewer={viewer} />
      <UserMenu name={viewer.name} organisation={viewer.organisationName} languages={localeNames()} />
    </MemberHeaderFrame>
  );
}
