import { getLocale, getTranslations } from 'next-intl/server';
import { languageNamer } from '@/lib/i18n/languages';
import { Badge } from '@/app/_components/ui/badge';

/**
 * The language a member wrote something in, named in the page's language ("Arabic", "arabe"): a small
 * label for sighted readers, "Written in Arabic" for screen readers.
 */
export async function LanguageLabel({ language }: { language: string }) {
  const [t, locale] = await Promise.all([getTranslations('discussions'), getLocale()]);
  const name = languageNamer(locale)(language);
  return (
    <Badge>
      <span className="sr-only">{t('languageLabel', { language: name })}</span>
      <span aria-hidden>{name}</span>
    </Badge>
  );
}
