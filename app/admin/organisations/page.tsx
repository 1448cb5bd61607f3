import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { SelectField, TextField } from '@/app/_components/ui/field';
import { requireAdmin } from '@/lib/auth/require';
import { listOrganisations } from '@/lib/dal/console/organisations';
import { countryName } from '@/lib/i18n/countries';
import { ORGANISATION_STATUSES, SECTORS, organisationFiltersSchema } from '@/lib/validation/admin';
import { Badge, Empty, Filters, ORGANISATION_STATUS_TONES, Options, Pager, Table, rowHeader, td } from '../_components/list';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.organisations'))('title') };
}

export default async function OrganisationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireAdmin();
  const { cursor, ...filters } = organisationFiltersSchema.parse(await searchParams);
  const page = await listOrganisations(viewer, { ...filters, cursor });
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('admin.organisations.title')}</h1>
      <Filters action="/admin/organisations" active={filtered}>
        <TextField name="q" type="search" label={t('admin.organisations.search')} defaultValue={filters.q} maxLength={100} />
        <SelectField name="sector" label={t('admin.organisations.sector')} defaultValue={filters.sector ?? ''}>
          <Options any={t('admin.list.anySector')} values={SECTORS} label={(s) => t(`common.sectors.${s}`)} />
        </SelectField>
        <SelectField name="status" label={t('admin.organisations.status')} defaultValue={filters.status ?? ''}>
          <Options any={t('admin.list.anyStatus')} values={ORGANISATION_STATUSES} label={(s) => t(`admin.organisationStatuses.${s}`)} />
        </SelectField>
      </Filters>

      {page.items.length === 0 ? (
        <Empty>{filtered ? t('admin.organisations.emptyFiltered') : t('admin.organisations.empty')}</Empty>
      ) : (
        <Table
          caption={t('admin.organisations.caption')}
          captionId="organisations-caption"
          columns={[
            t('admin.organisations.name'),
            t('admin.organisations.sector'),
            t('admin.organisations.country'),
            t('admin.organisations.status'),
            t('admin.organisations.members'),
            t('admin.organisations.emailDomains'),
          ]}
        >
          {page.items.map((o) => (
            <tr key={o.id}>
              <th scope="row" className={rowHeader}>
                <Link href={`/admin/organisations/${o.id}`} dir="auto" className="font-semibold">
                  {o.name}
                </Link>
                {o.isSecretariat ? (
                  <div>
                    <Badge tone="info">{t('admin.organisations.secretariat')}</Badge>
                  </div>
                ) : null}
              </th>
              <td className={td}>{t(`common.sectors.${o.sector}`)}</td>
              <td className={td}>{countryName(o.country, locale) ?? t('common.none')}</td>
              <td className={td}>
                <Badge tone={ORGANISATION_STATUS_TONES[o.status]}>{t(`admin.organisationStatuses.${o.status}`)}</Badge>
              </td>
              <td className={`${td} tabular-nums`}>{format.number(o.activeMembers)}</td>
              <td className={`${td} break-all`}>{o.emailDomains.length ? o.emailDomains.join(', ') : t('common.none')}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pager path="/admin/organisations" params={filters} previous={page.previous} next={page.next} />
    </div>
  );
}
