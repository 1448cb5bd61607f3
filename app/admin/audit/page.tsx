import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/alert';
import { SelectField, TextField } from '@/app/_components/ui/field';
import { AUDIT_ACTIONS } from '@/lib/audit';
import { requireAdmin } from '@/lib/auth/require';
import { auditChainStatus, listAuditLog, type AuditRow } from '@/lib/dal/console/audit-log';
import { auditFiltersSchema } from '@/lib/validation/admin';
import { Empty, Filters, hrefWith, Options, Pager, Table, td } from '../_components/list';
import { PageHeader } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.audit'))('title') };
}

const TARGET_PAGES: Record<string, string> = { user: '/admin/users/', organisation: '/admin/organisations/' };

function Target({ row }: { row: AuditRow }) {
  if (!row.targetType) return null;
  const page = TARGET_PAGES[row.targetType];
  if (row.targetLabel && page) {
    return (
      <Link href={`${page}${row.targetId}`} dir="auto">
        {row.targetLabel}
      </Link>
    );
  }
  return (
    <span className="break-all text-slate-700">
      {row.targetType} {row.targetId}
    </span>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireAdmin();
  const { cursor, ...filters } = auditFiltersSchema.parse(await searchParams);
  const [page, chain] = await Promise.all([listAuditLog(viewer, { ...filters, cursor }), auditChainStatus(viewer)]);
  const t = await getTranslations('admin.audit');
  const tList = await getTranslations('admin.list');
  const format = await getFormatter();
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro', { timeZone: viewer.timeZone })} wide />
      {chain.ok ? (
        <Alert tone="success" id="audit-chain">
          <p>{t('chainVerified', { rows: chain.rows - chain.unchained })}</p>
          {chain.unchained ? <p>{t('chainUnchained', { count: chain.unchained })}</p> : null}
          <p>{t('chainFullCheck', { when: format.dateTime(chain.fullCheckAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
        </Alert>
      ) : (
        <Alert tone="error" id="audit-chain">
          {t('chainBroken', { id: chain.brokenAt })}
        </Alert>
      )}
      <Filters action="/admin/audit" active={filtered}>
        <TextField name="actor" type="search" label={t('actor')} hint={t('actorHint')} defaultValue={filters.actor} maxLength={100} />
        <SelectField name="action" label={t('action')} defaultValue={filters.action ?? ''}>
          <Options any={tList('anyAction')} values={AUDIT_ACTIONS} label={(a) => a} />
        </SelectField>
        <TextField name="from" type="date" label={t('from')} defaultValue={filters.from} />
        <TextField name="to" type="date" label={t('to')} defaultValue={filters.to} />
      </Filters>
      <p className="text-sm text-slate-700">
        {/* A download, not a page: a plain link (no client-side navigation or prefetch). */}
        <a href={hrefWith('/admin/audit/export', filters)} download className="me-2 font-medium" id="audit-export">
          {t('export')}
        </a>
        {t('exportHint')}
      </p>

      {page.items.length === 0 ? (
        <Empty>{filtered ? t('emptyFiltered') : t('empty')}</Empty>
      ) : (
        <Table caption={t('caption')} captionId="audit-caption" columns={[t('time'), t('actor'), t('action'), t('target'), t('ip'), t('details')]}>
          {page.items.map((row) => (
            <tr key={row.id}>
              <th scope="row" className={`${td} font-normal whitespace-nowrap`}>
                <time dateTime={row.at.toISOString()}>{format.dateTime(row.at, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
              </th>
              <td className={td}>
                {row.actor && !row.actor.name ? (
                  <code className="break-all text-slate-600">{row.actor.id}</code>
                ) : row.actor ? (
                  <>
                    <Link href={`/admin/users/${row.actor.id}`} dir="auto">
                      {row.actor.name ?? row.actor.id}
                    </Link>
                    {row.actor.email ? <div className="break-all text-slate-600">{row.actor.email}</div> : null}
                  </>
                ) : (
                  <span className="text-slate-600">{t('noActor')}</span>
                )}
              </td>
              <td className={td}>
                <code className="text-xs whitespace-nowrap">{row.action}</code>
              </td>
              <td className={td}>
                <Target row={row} />
              </td>
              <td className={`${td} whitespace-nowrap`}>{row.ip ?? ''}</td>
              <td className={`${td} max-w-xs`}>
                {Object.keys(row.details).length ? <code className="block text-xs break-all">{JSON.stringify(row.details)}</code> : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pager path="/admin/audit" params={filters} previous={page.previous} next={page.next} />
    </div>
  );
}
