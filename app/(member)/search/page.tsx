import type { Metadata } from 'next';
import Form from '@/app/_components/form';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { IntlChoices } from '@/app/_components/intl-choices';
import { buttonClass } from '@/app/_components/ui/button';
import { SelectField, TextField } from '@/app/_components/ui/field';
import { requireViewer } from '@/lib/auth/require';
import { searchAuthorName } from '@/lib/dal/discussions/search';
import { listReadableSpaces } from '@/lib/dal/discussions/spaces';
import { LANGUAGE_CODES } from '@/lib/i18n/languages';
import { searchFiltersSchema } from '@/lib/validation/discussions';
import { ResourceResults } from '../resources/_components/search-results';
import { DiscussionResults } from './discussion-results';
import { isolated } from '@/app/_components/bidi';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('discussions.search'))('title') };
}

/**
 * One search page for the whole portal. Each kind of result is a section (discussions now; resources,
 * people and organisations add their own section component to SECTIONS later).
 */
const SECTIONS = [
  { key: 'discussions', Component: DiscussionResults },
  { key: 'resources', Component: ResourceResults },
] as const;

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const filters = searchFiltersSchema.parse(await searchParams);
  const t = await getTranslations('discussions.search');
  const [spaces, authorName] = await Promise.all([listReadableSpaces(viewer), filters.author ? searchAuthorName(viewer, filters.author) : null]);
  const params = { q: filters.q, space: filters.space, author: filters.author, language: filters.language, from: filters.from, to: filters.to };
  const withoutAuthor = new URLSearchParams(Object.entries({ ...params, author: undefined }).filter((e): e is [string, string] => !!e[1])).toString();

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <Form action="/search" role="search" aria-label={t('title')} className="card space-y-4">
        <TextField name="q" type="search" label={t('query')} hint={t('queryHint')} defaultValue={filters.q} maxLength={200} dir="auto" />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField name="space" label={t('space')} defaultValue={filters.space ?? ''}>
            <option value="">{t('anySpace')}</option>
            {spaces.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <SelectField name="language" label={t('language')} defaultValue={filters.language ?? ''}>
            <IntlChoices type="language" any={t('anyLanguage')} codes={LANGUAGE_CODES} selected={filters.language} />
          </SelectField>
          <TextField name="from" type="date" label={t('from')} defaultValue={filters.from} />
          <TextField name="to" type="date" label={t('to')} defaultValue={filters.to} />
        </div>
        {filters.author && authorName ? (
          <p className="text-sm">
            <input type="hidden" name="author" value={filters.author} />
            {isolated(t, 'author', { name: authorName })} · <Link href={`/search?${withoutAuthor}`}>{t('removeAuthor')}</Link>
          </p>
        ) : null}
        <button type="submit" className={buttonClass('primary')}>
          {t('submit')}
        </button>
      </Form>
      {SECTIONS.length > 1 ? (
        <nav aria-label={t('sections')}>
          <ul className="flex gap-2">
            {SECTIONS.map((s) => (
              <li key={s.key}>
                <a href={`#results-${s.key}`}>{t(s.key)}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {!filters.q ? (
        <p className="text-slate-700">{t('prompt')}</p>
      ) : (
        SECTIONS.map(({ key, Component }) => <Component key={key} viewer={viewer} filters={filters} />)
      )}
    </div>
  );
}
