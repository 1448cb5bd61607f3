import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SelectField } from '@/app/_components/ui/field';
import { requireAdmin } from '@/lib/auth/require';
import { listReverificationStatus } from '@/lib/dal/reverification/admin';
import { REVERIFICATION_FILTERS, reverificationListSchema } from '@/lib/validation/reverification';
import { Badge, Empty, Filters, Options, Pager, Table, rowHeader, td } from '../_components/list';
import { ReverificationDateForm } from './forms';
import { PageHeader } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reverification.admin'))('title') };
}

/** A day (YYYY-MM-DD) as a date, read as that calendar day wherever the viewer is. */
const asDay = (day: string) => new Date(`${day}T12:00:00Z`);

/**
 * The yearly re-verification of every member organisation: its date (which an admin may move), its open
 * round and how many people wait for confirmation. "Without a focal point" is the Secretariat's queue:
 * open rounds nobody at the organisation can answer.
 */
export default async function ReverificationAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireAdmin();
  const { cursor, filter } = reverificationListSchema.parse(await searchParams);
  const page = await listReverificationStatus(viewer, { cursor, filter });
  const t = await getTranslations('reverification.admin');
  const tAdmin = await getTranslations('admin');
  const format = await getFormatter();
  const day = (d: string) => format.dateTime(asDay(d), { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <Filters action="/admin/reverification" active={Boolean(filter)}>
        <SelectField name="filter" label={t('filter')} defaultValue={filter ?? ''}>
          <Options any={t('filters.all')} values={REVERIFICATION_FILTERS} label={(f) => t(`filters.${f}`)} />
        </SelectField>
      </Filters>
      {page.items.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <Table
          caption={t('caption')}
          captionId="reverification-caption"
          columns={[tAdmin('organisations.name'), t('status'), t('focalPoints'), t('date')]}
        >
          {page.items.map((o) => (
            <tr key={o.id}>
              <th scope="row" className={rowHeader}>
                <Link href={`/organisations/${o.slug}/reverification`} dir="auto" className="font-semibold">
                  {o.name}
                </Link>
              </th>
              <td className={td}>
                {o.openedAt && o.roundDueOn ? (
                  <div className="space-y-1">
                    <Badge tone={o.unconfirmed ? 'warning' : 'success'}>{t('openUntil', { date: day(o.roundDueOn) })}</Badge>
                    <p className="text-sm">{t('unconfirmed', { count: o.unconfirmed })}</p>
                    {o.remindedAt ? <p className="text-sm text-slate-600">{t('reminded')}</p> : null}
                  </div>
                ) : (
                  <Badge tone="neutral">{t('scheduled')}</Badge>
                )}
              </td>
              <td className={td}>{o.focalPoints ? format.number(o.focalPoints) : <Badge tone="danger">{t('noFocalPoint')}</Badge>}</td>
              <td className={td}>
                <ReverificationDateForm organisationId={o.id} name={o.name} dueOn={o.dueOn} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pager path="/admin/reverification" params={{ filter }} previous={page.previous} next={page.next} />
    </div>
  );
}
