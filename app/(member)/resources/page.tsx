import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/app/_components/ui/button';
import { SelectField, TextField } from '@/app/_components/ui/field';
import { IntlChoices } from '@/app/_components/intl-choices';
import { Choices, FilterForm, Pager } from '@/app/_components/list-controls';
import { requireViewer } from '@/lib/auth/require';
import { contributingOrganisations, topicOptions } from '@/lib/dal/resources/options';
import { countResources, listResources } from '@/lib/dal/resources/resources';
import { RESOURCE_SORTS, RESOURCE_TYPES, SECTORS, resourceFiltersSchema } from '@/lib/validation/resources';
import { LANGUAGE_CODES } from '@/lib/i18n/languages';
import { ResourceListEntry } from './_components/resource-list';
import { OrganisationFilter } from './_components/organisation-filter';
import { localiseAreas } from '@/lib/i18n/expertise';
import { PageHeader } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('resources'))('title') };
}

export default async function ResourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const { cursor, ...filters } = resourceFiltersSchema.parse(await searchParams);
  const t = await getTranslations('resources');
  const tSectors = await getTranslations('common.sectors');
  const [page, total, topics, organisations] = await Promise.all([
    listResources(viewer, { ...filters, cursor }),
    countResources(viewer, filters),
    topicOptions().then(localiseAreas),
    filters.organisation ? contributingOrganisations(viewer, { id: filters.organisation }, 1) : [],
  ]);
  const { sort, ...narrowing } = filters;
  const filtered = Object.values(narrowing).some((v) => v !== undefined);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageHeader title={t('title')} intro={t('intro')} wide />
        <Link href="/resources/new" className={buttonClass('primary')}>
          {t('contribute')}
        </Link>
      </div>

      <FilterForm action="/resources" active={filtered || Boolean(sort)} label={t('list.filters')} submit={t('list.apply')}>
        <div className="sm:col-span-2">
          <TextField
            name="q"
            type="search"
            label={t('list.search')}
            hint={t('list.searchHint')}
            defaultValue={filters.q}
            maxLength={200}
            dir="auto"
          />
        </div>
        <SelectField name="type" label={t('list.type')} defaultValue={filters.type ?? ''}>
          <Choices any={t('list.any')} options={RESOURCE_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))} />
        </SelectField>
        <SelectField name="topic" label={t('list.topic')} defaultValue={filters.topic ?? ''}>
          <Choices any={t('list.any')} options={topics.map((o) => ({ value: o.slug, label: o.label }))} />
        </SelectField>
        <SelectField name="language" label={t('list.language')} defaultValue={filters.language ?? ''}>
          <IntlChoices type="language" any={t('list.any')} codes={LANGUAGE_CODES} selected={filters.language} />
        </SelectField>
        <TextField name="year" type="number" inputMode="numeric" label={t('list.year')} defaultValue={filters.year} min={1900} />
        <OrganisationFilter initial={organisations[0] ?? null} />
        <SelectField name="sector" label={t('list.sector')} defaultValue={filters.sector ?? ''}>
          <Choices any={t('list.any')} options={SECTORS.map((v) => ({ value: v, label: tSectors(v) }))} />
        </SelectField>
        <SelectField name="sort" label={t('list.sort')} defaultValue={filters.sort ?? 'newest'}>
          {RESOURCE_SORTS.map((v) => (
            <option key={v} value={v}>
              {t(`sorts.${v}`)}
            </option>
          ))}
        </SelectField>
      </FilterForm>

      <section aria-labelledby="results" className="space-y-4">
        <h2 id="results" className="font-semibold text-slate-800">
          {total.capped ? t('list.countCapped', { count: total.count }) : t('list.count', { count: total.count })}
        </h2>
        {page.items.length ? (
          <ul className="space-y-3">
            {page.items.map((item) => (
              <ResourceListEntry key={item.id} item={item} headingLevel="h3" />
            ))}
          </ul>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
            {filtered ? t('list.emptyFiltered') : t('list.empty')}
          </p>
        )}
        <Pager path="/resources" params={{ ...filters }} previous={page.previous} next={page.next} />
      </section>
    </div>
  );
}
