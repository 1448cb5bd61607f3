import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { SelectField, TextField } from '@/app/_components/ui/field';
import { requireViewer } from '@/lib/auth/require';
import { organisationDirectory } from '@/lib/dal/directory/organisations';
import { COUNTRY_CODES, countryName } from '@/lib/i18n/countries';
import { IntlChoices } from '@/app/_components/intl-choices';
import { organisationDirectorySchema, REGIONS, SECTORS } from '@/lib/validation/profile';
import { DirectoryNav } from './_components/directory-nav';
import { Choices, hrefWith, Pager } from '@/app/_components/list-controls';
import { DirectoryFilters } from './_components/filters';
import { OrganisationCard } from './_components/organisation-card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('directory'))('title') };
}

export default async function DirectoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const filters = organisationDirectorySchema.parse(await searchParams);
  const { cursor: _cursor, ...params } = filters;
  const groups = await organisationDirectory(viewer, filters);
  const t = await getTranslations('directory');
  const tCommon = await getTranslations('common');
  const locale = await getLocale();
  const filtered = Boolean(filters.q || filters.sector || filters.country || filters.region);
  const counts = Object.fromEntries(groups.map((g) => [g.sector, g.count]));

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
        <DirectoryNav current="organisations" />
      </div>
      {!filters.sector && !filtered ? <p className="text-slate-700">{t('summary', counts)}</p> : null}
      <DirectoryFilters action="/directory" active={filtered}>
        <TextField name="q" type="search" label={t('filters.search')} hint={t('filters.searchHint')} defaultValue={filters.q} maxLength={100} />
        <SelectField name="sector" label={t('filters.sector')} defaultValue={filters.sector ?? ''}>
          <Choices any={t('filters.anySector')} options={SECTORS.map((s) => ({ value: s, label: tCommon(`sectors.${s}`) }))} />
        </SelectField>
        <SelectField name="country" label={t('filters.country')} defaultValue={filters.country ?? ''}>
          <IntlChoices type="region" any={t('filters.anyCountry')} codes={COUNTRY_CODES} selected={filters.country} />
        </SelectField>
        <SelectField name="region" label={t('filters.region')} defaultValue={filters.region ?? ''}>
          <Choices any={t('filters.anyRegion')} options={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))} />
        </SelectField>
      </DirectoryFilters>

      {groups.every((g) => g.count === 0) ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">{t('empty')}</p>
      ) : (
        groups.map((group) =>
          group.count === 0 && !filters.sector ? null : (
            <section key={group.sector} aria-labelledby={`sector-${group.sector}`} className="space-y-3">
              <h2 id={`sector-${group.sector}`} className="flex flex-wrap items-baseline gap-x-3 text-xl font-semibold text-slate-900">
                {t(`headings.${group.sector}`)}
                <span className="text-base font-normal text-slate-600">{t('count', { count: group.count })}</span>
              </h2>
              {group.page.items.length ? (
                <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                  {group.page.items.map((o) => (
                    <OrganisationCard
                      key={o.id}
                      slug={o.slug}
                      name={o.name}
                      logoFileId={o.logoFileId}
                      country={o.country}
                      place={countryName(o.country, locale) ?? t('noCountry')}
                    />
                  ))}
                </ul>
              ) : (
                <p className="text-slate-700">{t('noneInSector')}</p>
              )}
              {filters.sector ? (
                <>
                  <Pager path="/directory" params={params} previous={group.page.previous} next={group.page.next} />
                  <p>
                    <Link href={hrefWith('/directory', { ...params, sector: undefined })}>{t('backToAll')}</Link>
                  </p>
                </>
              ) : group.page.next ? (
                <p>
                  <Link href={hrefWith('/directory', { ...params, sector: group.sector })}>
                    {t('seeAll', { count: group.count, heading: t(`headings.${group.sector}`) })}
                  </Link>
                </p>
              ) : null}
            </section>
          ),
        )
      )}
    </div>
  );
}
