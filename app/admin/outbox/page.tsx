import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth/require';
import { countOutbox, listOutbox } from '@/lib/dal/console/outbox';
import { OUTBOX_STATES, outboxFiltersSchema } from '@/lib/validation/admin';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { Badge, Empty, Pager, Table, rowHeader, td } from '../_components/list';
import { retryEmailAction } from './actions';
import { PageHeader } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.outbox'))('title') };
}

/**
 * Emails the portal could not send: given up (after every attempt, or refused for good by the mail
 * server) or still waiting for their next attempt. Recipients masked, never a subject or body.
 */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireAdmin();
  const { state, cursor } = outboxFiltersSchema.parse(await searchParams);
  const [page, counts] = await Promise.all([listOutbox(viewer, { state, cursor }), countOutbox(viewer)]);
  const t = await getTranslations('admin.outbox');
  const format = await getFormatter();

  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <nav aria-label={t('states')}>
        <ul className="flex flex-wrap gap-4">
          {OUTBOX_STATES.map((s) => (
            <li key={s}>
              <Link
                href={`/admin/outbox?state=${s}`}
                aria-current={s === state ? 'page' : undefined}
                className={s === state ? 'font-semibold' : undefined}
              >
                {t(s, { count: counts[s] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {page.items.length === 0 ? (
        <Empty>{t(state === 'failed' ? 'emptyFailed' : 'emptyPending')}</Empty>
      ) : (
        <Table
          caption={t(state, { count: counts[state] })}
          captionId="outbox-caption"
          columns={[
            t('recipient'),
            t('kind'),
            t('queued'),
            t('attempts'),
            t('lastError'),
            state === 'failed' ? <span className="sr-only">{t('retry')}</span> : t('nextAttempt'),
          ]}
        >
          {page.items.map((row) => (
            <tr key={row.id}>
              <th scope="row" className={rowHeader}>
                <span className="break-all">{row.recipient}</span>
              </th>
              <td className={td}>
                <Badge>{row.template}</Badge>
              </td>
              <td className={`${td} whitespace-nowrap`}>
                <time dateTime={row.createdAt.toISOString()}>{format.dateTime(row.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
              </td>
              <td className={td}>{row.attempts}</td>
              <td className={`${td} max-w-sm`}>{row.lastError ? <code className="block text-xs break-all">{row.lastError}</code> : null}</td>
              <td className={td}>
                {state === 'failed' ? (
                  <ActionButton action={retryEmailAction} fields={{ id: String(row.id) }} pendingLabel={t('retrying')}>
                    {t('retry')}
                  </ActionButton>
                ) : (
                  <time dateTime={row.nextAttemptAt.toISOString()} className="whitespace-nowrap">
                    {format.dateTime(row.nextAttemptAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </time>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pager path="/admin/outbox" params={{ state }} previous={page.previous} next={page.next} />
    </div>
  );
}
