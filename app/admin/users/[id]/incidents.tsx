import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/app/_components/ui/action-forms';
import type { IncidentRow } from '@/lib/dal/console/quarantine';
import { formatBytes } from '@/lib/i18n/sizes';
import { reviewIncidentsAction } from '../actions';

/**
 * A member's quarantine incidents (decision 024): block-listed or infected files they uploaded, newest
 * first, with what was kept. Open incidents flag the account until an admin marks them reviewed.
 */
export async function Incidents({ userId, incidents }: { userId: string; incidents: IncidentRow[] }) {
  const t = await getTranslations('admin.user.incidents');
  const format = await getFormatter();
  const open = incidents.filter((i) => !i.reviewedAt).length;
  if (!incidents.length) return null;
  return (
    <section aria-labelledby="incidents" className="space-y-3 rounded-lg border border-amber-300 bg-white p-5">
      <h2 id="incidents" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p role="status" className="text-sm text-slate-800">
        {open ? t('flagged', { count: open }) : t('allReviewed')}
      </p>
      <ul className="divide-y divide-slate-200 text-sm">
        {incidents.map((i) => (
          <li key={i.id} className="space-y-1 py-2">
            <p>
              <time dateTime={i.createdAt.toISOString()}>{format.dateTime(i.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
              {' · '}
              {t(`reason.${i.reason}`, { detail: i.detail })}
              {' · '}
              {formatBytes(format, i.size)}
              {' · '}
              {i.kept ? t('kept') : t('discarded')}
              {i.reviewedAt ? <> · {t('reviewedOn', { date: format.dateTime(i.reviewedAt, { dateStyle: 'medium' }) })}</> : null}
            </p>
            <p className="font-mono text-xs break-all text-slate-600" dir="ltr">
              {t('sha256', { hash: i.sha256 })}
            </p>
          </li>
        ))}
      </ul>
      {open ? (
        <ActionButton action={reviewIncidentsAction} fields={{ userId }} pendingLabel={t('reviewing')}>
          {t('review')}
        </ActionButton>
      ) : null}
    </section>
  );
}
