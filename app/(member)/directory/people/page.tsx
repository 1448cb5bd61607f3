import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { SelectField, TextField } from '@/app/_components/ui/field';
import { requireViewer } from '@/lib/auth/require';
import { COUNT_CAP, countPeople, listPeople } from '@/lib/dal/directory/people';
import { listExpertiseAreas } from '@/lib/dal/directory/profiles';
import { COUNTRY_CODES, countryName } from '@/lib/i18n/countries';
import { IntlChoices } from '@/app/_components/intl-choices';
import { LANGUAGE_CODES } from '@/lib/i18n/languages';
import { PEOPLE_SORTS, peopleDirectorySchema, SECTORS } from '@/lib/validation/profile';
import { DirectoryNav } from '../_components/directory-nav';
import { Choices, Pager } from '@/app/_components/list-controls';
import { DirectoryFilters } from '../_components/filters';
import { PersonCard } from '../_components/person-card';
import { localiseAreas } from '@/lib/i18n/expertise';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('directory.people'))('title') };
}

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const filters = peopleDirectorySchema.parse(await searchParams);
  const { cursor: _cursor, ...params } = filters;
  const [page, total, areas] = await Promise.all([
    listPeople(viewer, filters),
    countPeople(viewer, filters),
    listExpertiseAreas().then(localiseAreas),
  ]);
  const t = await getTranslations('directory');
  const tCommon = await getTranslations('common');
  const locale = await getLocale();
  const filtered = Boolean(filters.q || filters.sector || filters.country || filters.expertise || filters.language);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold text-brand-900">{t('people.title')}</h1>
        <DirectoryNav current="people" />
      </div>
      <p className="text-slate-700">{t('people.intro')}</p>
      <DirectoryFilters action="/directory/people" active={filtered || Boolean(filters.sort)}>
        <TextField name="q" type="search" label={t('people.search')} hint={t('filters.searchHint')} defaultValue={filters.q} maxLength={100} />
        <SelectField name="sector" label={t('filters.sector')} defaultValue={filters.sector ?? ''}>
          <Choices any={t('filters.anySector')} options={SECTORS.map((s) => ({ value: s, label: tCommon(`sectors.${s}`) }))} />
        </SelectField>
        <SelectField name="country" label={t('filters.country')} defaultValue={filters.country ?? ''}>
          <IntlChoices type="region" any={t('filters.anyCountry')} codes={COUNTRY_CODES} selected={filters.country} />
        </SelectField>
        <SelectField name="expertise" label={t('people.expertise')} defaultValue={filters.expertise ?? ''}>
          <Choices any={t('people.anyExpertise')} options={areas.map((a) => ({ value: a.slug, label: a.label }))} />
        </SelectField>
        <SelectField name="language" label={t('people.language')} defaultValue={filters.language ?? ''}>
          <IntlChoices type="language" any={t('people.anyLanguage')} codes={LANGUAGE_CODES} selected={filters.language} />
        </SelectField>
        <SelectField name="sort" label={t('people.sort')} defaultValue={filters.sort ?? 'name'}>
          {PEOPLE_SORTS.map((s) => (
            <option key={s} value={s}>
              {s === 'name' ? t('people.sortName') : t('people.sortJoined')}
            </option>
          ))}
        </SelectField>
      </DirectoryFilters>

      <p role="status" className="font-medium text-slate-800">
        {total > COUNT_CAP ? t('people.countCapped', { count: COUNT_CAP }) : t('people.count', { count: total })}
      </p>
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">{t('people.empty')}</p>
      ) : (
        <ul aria-label={t('people.caption')} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {page.items.map((p) => (
            <PersonCard
              key={p.id}
              id={p.id}
              name={p.name}
              jobTitle={p.jobTitle}
              organisation={{
                name: p.organisationName,
                slug: p.organisationSlug,
                sector: tCommon(`sectors.${p.sector}`),
                country: p.country,
                place: countryName(p.country, locale),
              }}
              unlisted={p.listed ? undefined : t('people.unlisted')}
            />
          ))}
        </ul>
      )}
      <Pager path="/directory/people" params={params} previous={page.previous} next={page.next} />
    </div>
  );
}
