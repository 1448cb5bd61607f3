import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { isDemo } from '@/lib/config';
import type { ClientArea } from '@/lib/i18n/messages';
import { AreaMessages } from './area-messages';
import type { Viewer } from '@/lib/auth/viewer';
import { MemberHeader } from './member-header';
import { SiteFooter } from './site-footer';
import { SkipLink } from './skip-link';

/** The frame of every signed-in page: skip link, header with navigation and the person's menu, footer; the area's client messages. */
export async function MemberShell({
  viewer,
  area = 'member',
  children,
}: {
  viewer: Viewer;
  area?: Extract<ClientArea, 'member' | 'admin'>;
  children: ReactNode;
}) {
  const t = await getTranslations('common');
  return (
    <AreaMessages area={area}>
      <SkipLink />
      <MemberHeader viewer={viewer} demoNotice={isDemo() ? t('demoBanner') : undefined} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </AreaMessages>
  );
}
