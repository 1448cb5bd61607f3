import { createTranslator } from 'next-intl';
import type { ChathamAuthor } from '@/lib/dal/discussions/chatham';
import { DEFAULT_LOCALE, isLocale } from './locales';
import { messagesFor } from './messages';

const translators = new Map<string, ReturnType<typeof createTranslator<ReturnType<typeof messagesFor>>>>();

/**
 * "A civil society organisation, Europe": what stands for an author under the Chatham House Rule
 * (decision 031), in the given language (pages, notifications and emails alike).
 */
export function chathamLabelText(locale: string, author: ChathamAuthor): string {
  const language = isLocale(locale) ? locale : DEFAULT_LOCALE;
  let t = translators.get(language);
  if (!t) translators.set(language, (t = createTranslator({ locale: language, messages: messagesFor(language) })));
  const who = t('discussions.chatham.author', { sector: author.sector });
  return author.region ? t('discussions.chatham.authorInRegion', { who, region: t(`directory.regions.${author.region}`) }) : who;
}
