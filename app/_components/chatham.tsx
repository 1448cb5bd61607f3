import 'server-only';
import Link from '@/app/_components/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ChathamAuthor } from '@/lib/dal/discussions/chatham';
import { chathamLabelText } from '@/lib/i18n/chatham-label';
import { formerMemberNames } from './former-member';

/**
 * How an author is named on a page (decision 031): outside the Chatham House Rule, their name (or
 * "Former member"); under it, "You" for the author and the sector-and-region label for everyone else.
 * The data access layer has already left the name out under the rule: this only words what it gave.
 */
export async function authorNames(): Promise<
  (author: { authorName: string | null; chathamAuthor: ChathamAuthor | null; isOwn?: boolean }) => string
> {
  const [t, locale, named] = await Promise.all([getTranslations('discussions.chatham'), getLocale(), formerMemberNames()]);
  return ({ authorName, chathamAuthor, isOwn }) => {
    if (!chathamAuthor) return named(authorName);
    return isOwn ? t('you') : chathamLabelText(locale, chathamAuthor);
  };
}

/** "This thread runs under the Chatham House Rule", one line on what it means, and the guidelines. */
export async function ChathamBanner() {
  const t = await getTranslations('discussions.chatham');
  return (
    <section aria-labelledby="chatham-banner" className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950">
      <h2 id="chatham-banner" className="font-semibold">
        {t('banner')}
      </h2>
      <p>
        {t('bannerText')} <Link href="/guidelines">{t('guidelines')}</Link>
      </p>
    </section>
  );
}
