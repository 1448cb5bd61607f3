import { getTranslations } from 'next-intl/server';
import { NotFoundFrame } from './not-found-frame';

/** Where a not-found page offers to go instead: the list the missing thing would have been in. */
const ways = {
  home: { href: '/', label: 'errors.backHome' },
  directory: { href: '/directory', label: 'directory.title' },
  spaces: { href: '/spaces', label: 'discussions.spaces.title' },
  resources: { href: '/resources', label: 'resources.detail.back' },
  messages: { href: '/messages', label: 'messages.inbox.title' },
} as const;

/** "Page not found": what every not-found.tsx inside the member frame shows (a page that does not exist, or that the viewer may not see: the two look the same). */
export async function NotFoundPanel({ back }: { back: keyof typeof ways }) {
  const t = await getTranslations();
  return (
    <NotFoundFrame
      main={false}
      title={t('errors.pageNotFound')}
      text={t('errors.pageNotFoundText')}
      href={ways[back].href}
      label={t(ways[back].label)}
    />
  );
}
