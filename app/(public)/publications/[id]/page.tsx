import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Cooked } from '@/app/_components/cooked';
import { TlpLabel } from '@/app/_components/tlp-label';
import { Arrow } from '@/app/_components/ui/arrow';
import { buttonClass } from '@/app/_components/ui/button';
import { getPublication } from '@/lib/dal/resources/publications';
import { languageNamer } from '@/lib/i18n/languages';
import { visibleOr404 } from '@/lib/pages';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const publication = await getPublication((await params).id).catch(() => null);
  return { title: publication?.title ?? (await getTranslations('resources.publications'))('title') };
}

/** One public report (TLP:CLEAR, shared with all members): its description and its file or link, for anyone. */
export default async function PublicationPage({ params }: Props) {
  const publication = await visibleOr404(getPublication((await params).id));
  const [t, tTypes, format, locale] = await Promise.all([
    getTranslations('resources.publications'),
    getTranslations('resources.types'),
    getFormatter(),
    getLocale(),
  ]);
  const language = languageNamer(locale);
  return (
    <article className="max-w-3xl space-y-6">
      <div className="space-y-2">
        <Link href="/publications" className="text-sm">
          <Arrow to="back" /> {t('back')}
        </Link>
        <h1 className="text-3xl font-bold break-words text-brand-900" dir="auto">
          {publication.title}
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <TlpLabel marking="clear" />
          <span className="font-medium">{tTypes(publication.type)}</span>
          <span>
            <bdi>{publication.organisationName}</bdi> · {format.dateTime(publication.createdAt, { dateStyle: 'medium' })}
            {publication.year ? ` · ${publication.year}` : null}
            {publication.languages.length ? ` · ${publication.languages.map(language).join(', ')}` : null}
          </span>
        </p>
      </div>
      {publication.descriptionHtml ? <Cooked html={publication.descriptionHtml} /> : null}
      {publication.url ? (
        <p>
          <a href={publication.url} rel="noopener noreferrer nofollow" className={buttonClass('primary')}>
            {t('openLink')}
          </a>
        </p>
      ) : publication.file ? (
        <p>
          <a href={`/api/publications/${publication.id}/file`} className={buttonClass('primary')} download>
            {t('download', { size: format.number(Math.max(1, Math.round(publication.file.size / 1024))) })}
          </a>
        </p>
      ) : (
        <p className="text-slate-700">{t('fileUnavailable')}</p>
      )}
    </article>
  );
}
