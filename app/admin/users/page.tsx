import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SelectField, TextField } from '@/app/_components/ui/field';
import { requireAdmin } from '@/lib/auth/require';
import { getOrganisation } from '@/lib/dal/console/organisations';
import { listUsers } from '@/lib/dal/console/users';
import { ROLES, SECTORS, USER_STATUSES, userFiltersSchema } from '@/lib/validation/admin';
import { Badge, Empty, Filters, Options, Pager, Table, rowHeader, td, USER_STATUS_TONES } from '../_components/list';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.users'))('title') };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireAdmin();
  const { cursor, ...filters } = userFiltersSchema.parse(await searchParams);
  const [page, organisation] = await Promise.all([
    listUsers(viewer, { ...filters, cursor }),
    filters.organisation ? getOrganisation(viewer, filters.organisation) : null,
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('admin.users.title')}</h1>
      {organisation ? (
        <p className="text-slate-700">
          {t.rich('admin.users.ofOrganisation', {
            name: organisation.name,
            link: (chunks) => (
              <Link href={`/admin/organisations/${organisation.id}`} dir="auto">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
      <Filters action="/admin/users" active={filtered}>
        {organisation ? <input type="hidden" name="organisation" value={organisation.id} /> : null}
        <TextField
          name="q"
          type="search"
          label={t('admin.users.search')}
          hint={t('admin.users.searchHint')}
          defaultValue={filters.q}
          maxLength={100}
        />
        <SelectField name="status" label={t('admin.users.status')} defaultValue={filters.status ?? ''}>
          <Options any={t('admin.list.anyStatus')} values={USER_STATUSES} label={(s) => t(`common.statuses.${s}`)} />
        </SelectField>
        <SelectField name="role" label={t('admin.users.role')} defaultValue={filters.role ?? ''}>
          <Options any={t('admin.list.anyRole')} values={ROLES} label={(r) => t(`common.roles.${r}`)} />
        </SelectField>
        <SelectField name="sector" label={t('admin.users.sector')} defaultValue={filters.sector ?? ''}>
          <Options any={t('admin.list.anySector')} values={SECTORS} label={(s) => t(`common.sectors.${s}`)} />
        </SelectField>
      </Filters>

      {page.items.length === 0 ? (
        <Empty>{filtered ? t('admin.users.emptyFiltered') : t('admin.users.empty')}</Empty>
      ) : (
        <Table
          caption={t('admin.users.caption')}
          captionId="users-caption"
          columns={[
            t('admin.users.name'),
            t('admin.users.organisation'),
            t('admin.users.role'),
            t('admin.users.status'),
            t('admin.users.registered'),
          ]}
        >
          {page.items.map((u) => (
            <tr key={u.id}>
              <th scope="row" className={rowHeader}>
                <Link href={`/admin/users/${u.id}`} dir="auto" className="font-semibold">
                  {u.name}
                </Link>
                <div className="break-words text-slate-600">{u.email}</div>
              </th>
              <td className={td}>
                <div dir="auto">{u.organisationName}</div>
                <div className="text-slate-600">{t(`common.sectors.${u.sector}`)}</div>
              </td>
              <td className={td}>
                <div>{t(`common.roles.${u.role}`)}</div>
                {u.isFocalPoint ? <Badge tone="info">{t('admin.users.focalPoint')}</Badge> : null}
              </td>
              <td className={td}>
                <Badge tone={USER_STATUS_TONES[u.status]}>{t(`common.statuses.${u.status}`)}</Badge>
              </td>
              <td className={`${td} whitespace-nowrap`}>
                <time dateTime={u.createdAt.toISOString()}>{format.dateTime(u.createdAt, { dateStyle: 'medium' })}</time>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pager path="/admin/users" params={filters} previous={page.previous} next={page.next} />
    </div>
  );
}
