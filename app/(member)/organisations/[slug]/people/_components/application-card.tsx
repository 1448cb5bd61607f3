import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton, ReasonForm } from '@/app/_components/ui/action-forms';
import { Badge } from '@/app/_components/ui/badge';
import type { ManagedApplication } from '@/lib/dal/people/people';
import { declineEndorsementAction, endorseAction } from '../actions';

/** One pending application to the organisation, with the focal point's endorse or decline. */
export async function ApplicationCard({ application: a }: { application: ManagedApplication }) {
  const t = await getTranslations('people.applications');
  const format = await getFormatter();
  const headingId = `application-${a.id}`;
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  return (
    <article aria-labelledby={headingId} className="card space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={headingId} dir="auto" className="font-semibold break-words text-slate-900">
            {a.name}
          </h3>
          <p className="text-sm break-all text-slate-700">{a.email}</p>
          <p dir="auto" className="text-sm text-slate-700">
            {a.jobTitle}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {a.invited ? <Badge tone="info">{t('invited')}</Badge> : null}
          {a.endorsement === 'endorsed' ? <Badge tone="success">{t('endorsedBadge')}</Badge> : null}
          {a.endorsement === 'declined' ? <Badge tone="danger">{t('declinedBadge')}</Badge> : null}
          {!a.endorsement && a.waitsUntil ? <Badge tone="warning">{t('waiting')}</Badge> : null}
          {!a.endorsement && !a.waitsUntil ? <Badge tone="neutral">{t('withSecretariat')}</Badge> : null}
        </div>
      </div>
      <p className="text-sm text-slate-700">
        <time dateTime={a.appliedAt.toISOString()}>{t('applied', { date: date(a.appliedAt) })}</time>
        {!a.endorsement && a.waitsUntil ? ` ${t('waitsUntil', { date: date(a.waitsUntil) })}` : null}
      </p>
      <div className="space-y-1">
        <h4 className="text-sm font-semibold text-slate-800">{t('why')}</h4>
        <p dir="auto" className="break-words whitespace-pre-line text-slate-800">
          {a.reason}
        </p>
      </div>
      {a.endorsement === 'declined' && a.endorsementReason ? (
        <p dir="auto" className="text-sm text-slate-700">
          {t('declinedReason', { reason: a.endorsementReason })}
        </p>
      ) : null}
      {a.endorsement ? null : (
        <div className="flex flex-col gap-4 border-t border-slate-200 pt-3 sm:flex-row sm:items-start">
          <ActionButton action={endorseAction} fields={{ userId: a.id }} pendingLabel={t('endorsing')} variant="primary">
            {t('endorse')}
            <span className="sr-only">: {a.name}</span>
          </ActionButton>
          <details className="min-w-0 flex-1">
            <summary className="cursor-pointer text-sm font-medium text-brand-800">
              {t('decline')}
              <span className="sr-only">: {a.name}</span>
            </summary>
            <div className="mt-2">
              <ReasonForm
                action={declineEndorsementAction}
                fields={{ userId: a.id }}
                name="reason"
                label={t('declineReason')}
                submit={t('declineConfirm')}
                pendingLabel={t('declining')}
                variant="danger"
                maxLength={1000}
              />
            </div>
          </details>
        </div>
      )}
    </article>
  );
}
