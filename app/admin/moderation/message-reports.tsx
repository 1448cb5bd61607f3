import { getFormatter, getTranslations } from 'next-intl/server';
import { Cooked } from '@/app/_components/cooked';
import { formerMemberNames } from '@/app/_components/former-member';
import { ActionButton, ReasonForm } from '@/app/_components/ui/action-forms';
import { Badge } from '@/app/_components/ui/badge';
import type { Viewer } from '@/lib/auth/viewer';
import { listOpenMessageReports } from '@/lib/dal/messages/reports';
import { Pager } from '../_components/list';
import { hideMessageAction, resolveMessageReportAction, restoreMessageAction } from './message-actions';

/**
 * Reported direct messages in the moderation queue: each report shows the reported message and the five
 * before it — the only part of any conversation a moderator or admin can ever read — with hide, restore
 * and resolve. No link leads into the conversation (it would be a 404 for them).
 */
export async function MessageReports({ viewer, cursor }: { viewer: Viewer; cursor?: string }) {
  const [page, t, named, format] = await Promise.all([
    listOpenMessageReports(viewer, cursor),
    getTranslations('messages.moderation'),
    formerMemberNames(),
    getFormatter(),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="message-reports" className="space-y-4">
      <h2 id="message-reports" className="text-xl font-semibold text-brand-900">
        {t('title')}
      </h2>
      <p className="text-sm text-slate-700">{t('intro')}</p>
      {page.items.length === 0 ? <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t('empty')}</p> : null}
      <ul className="space-y-4">
        {page.items.map((r) => (
          <li key={r.id}>
            <article aria-labelledby={`message-report-${r.id}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
              <h3 id={`message-report-${r.id}`} className="text-sm">
                {t.rich('reportedBy', {
                  name: named(r.reporterName),
                  when: when(r.createdAt),
                  reason: r.reason,
                  b: (chunks) => <bdi className="font-medium">{chunks}</bdi>,
                })}
              </h3>
              <ol aria-label={t('excerpt')} className="space-y-2">
                {r.excerpt.map((m) => (
                  <li key={m.id} className={`rounded border p-3 ${m.reported ? 'border-amber-300 bg-amber-50' : 'border-slate-100 bg-slate-50'}`}>
                    <p className="text-xs text-slate-600">
                      <bdi className="font-semibold">{named(m.authorName)}</bdi> ·{' '}
                      <time dateTime={m.createdAt.toISOString()}>{when(m.createdAt)}</time>
                      {m.reported ? (
                        <Badge tone="warning" className="ms-2">
                          {t('reported')}
                        </Badge>
                      ) : null}
                      {m.hidden ? (
                        <Badge className="ms-2" tone="neutral">
                          {t('hiddenNow')}
                        </Badge>
                      ) : null}
                    </p>
                    {m.cooked === null ? (
                      <p className="text-sm text-slate-600 italic">{t('removed')}</p>
                    ) : (
                      <Cooked html={m.cooked} className="max-h-48 overflow-auto" />
                    )}
                    {m.reported && !m.deleted ? (
                      <div className="mt-2 w-72 max-w-full">
                        {m.hidden ? (
                          <ActionButton action={restoreMessageAction} fields={{ messageId: m.id }} pendingLabel={t('restore')}>
                            {t('restore')}
                          </ActionButton>
                        ) : (
                          <ReasonForm
                            action={hideMessageAction}
                            fields={{ messageId: m.id }}
                            name="reason"
                            label={t('hideReason')}
                            submit={t('hide')}
                            pendingLabel={t('hide')}
                            variant="danger"
                            maxLength={300}
                          />
                        )}
                      </div>
                    ) : null}
                  </li>
                ))}
              </ol>
              <ActionButton action={resolveMessageReportAction} fields={{ reportId: r.id }} pendingLabel={t('resolve')}>
                {t('resolve')}
              </ActionButton>
            </article>
          </li>
        ))}
      </ul>
      <Pager path="/admin/moderation" params={{}} previous={page.previous} next={page.next} cursorParam="messages" />
    </section>
  );
}
