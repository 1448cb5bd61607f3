import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { SearchSnippet } from '@/app/_components/cooked';
import { Choices, FilterForm, Pager } from '@/app/_components/list-controls';
import { TlpLabel } from '@/app/_components/tlp-label';
import { SelectField, TextField } from '@/app/_components/ui/field';
import { listPublications } from '@/lib/dal/resources/publications';
import { languageNamer } from '@/lib/i18n/languages';
import { PUBLICATION_LANGUAGES, publicationFiltersSchema } from '@/lib/validation/publications';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('resources.publications'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The alliance's public reports (decision 030): resources marked TLP:CLEAR and shared with all members,
 * for anyone, signed in or not; searched by words, filtered by language, newest first (keyset pages).
 */
export default async function PublicationsPage({ searchParams }: Props) {
  const filters = publicationFiltersSchema.parse(await searchParams);
  const [t, tTypes, format, locale] = await Promise.all([
    getTranslations('resources.publications'),
    getTranslations('resources.types'),
    getFormatter(),
    getLocale(),
  ]);
  const page = await listPublications(filters);
  const language = languageNamer(locale);
  const filtered = Boolean(filters.q || filters.language);
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
        <p className="text-slate-700">{t('intro')}</p>
      </div>
      <FilterForm action="/publications" active={filtered} label={t('filters')} submit={t('apply')}>
        <div className="sm:col-span-2">
          <TextField name="q" type="search" label={t('search')} hint={t('searchHint')} defaultValue={filters.q} maxLength={200} dir="auto" />
        </div>
        <SelectField name="language" label={t('language')} defaultValue={filters.language ?? ''}>
          <Choices any={t('anyLanguage')} options={PUBLICATION_LANGUAGES.map((code) => ({ value: code, label: language(code) }))} />
        </SelectField>
      </FilterForm>
      <section aria-labelledby="publications-results" className="space-y-4">
        <h2 id="publications-results" className="sr-only">
          {t('results')}
        </h2>
        {page.items.length ? (
          <ul className="space-y-3">
            {page.items.map((item) => (
              <li key={item.id} className="card space-y-1">
                <h3 className="flex flex-wrap items-center gap-2 font-semibold">
                  <Link href={`/publications/${item.id}`} dir="auto">
                    {item.title}
                  </Link>
                  <TlpLabel marking="clear" />
                </h3>
                <p className="text-sm text-slate-700">
                  <span className="font-medium">{tTypes(item.type)}</span>
                  {' · '}
                  <bdi>{item.organisationName}</bdi>
                  {' · '}
                  {format.dateTime(item.createdAt, { dateStyle: 'medium' })}
                  {item.year ? <> · {item.year}</> : null}
                  {item.languages.length ? <> · {item.languages.map(language).join(', ')}</> : null}
                </p>
                {item.snippet ? <SearchSnippet html={item.snippet} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
            {filtered ? t('emptyFiltered') : t('empty')}
          </p>
        )}
        <Pager path="/publications" params={{ ...filters }} previous={page.previous} next={page.next} />
      </section>
    </div>
  );
}
