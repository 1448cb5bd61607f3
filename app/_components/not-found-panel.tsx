import clsx from 'clsx';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Where a not-found page offers to go instead: the list the missing thing would have been in. */
const ways = {
  home: { href: '/', label: 'errors.backHome' },
  directory: { href: '/directory', label: 'directory.title' },
  spaces: { href: '/spaces', label: 'discussions.spaces.title' },
  resources: { href: '/resources', label: 'resources.detail.back' },
  messages: { href: '/messages', label: 'messages.inbox.title' },
} as const;

/**
 * "Page not found": what every not-found.tsx shows (a page that does not exist, or that the viewer may
 * not see: the two look the same). Inside the member frame it is a plain block (the frame has the main
 * landmark); `main` makes it the page's main landmark where there is no frame (app/not-found.tsx).
 */
export async function NotFoundPanel({ back, main = false }: { back: keyof typeof ways; main?: boolean }) {
  const t = await getTranslations();
  const Frame = main ? 'main' : 'div';
  return (
    <Frame id={main ? 'main' : undefined} className={clsx('mx-auto max-w-xl space-y-4', main ? 'px-4 py-16' : 'py-8')}>
      <h1 className="text-2xl font-bold text-brand-900">{t('errors.pageNotFound')}</h1>
      <p className="text-slate-700">{t('errors.pageNotFoundText')}</p>
      <Link href={ways[back].href}>{t(ways[back].label)}</Link>
    </Frame>
  );
}
