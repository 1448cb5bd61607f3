import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/app/_components/ui/action-forms';
import type { Viewer } from '@/lib/auth/sessions';
import { listNominations } from '@/lib/dal/console/nominations';
import { Empty, Pager } from '../_components/list';
import { decideNominationAction } from './actions';

/** Focal points' nominations of another focal point, for an admin to confirm or decline (decision 018). */
export async function Nominations({ viewer, cursor, params }: { viewer: Viewer; cursor?: string; params: Record<string, string | undefined> }) {
  const page = await listNominations(viewer, cursor);
  const t = await getTranslations('people.nominations');
  const format = await getFormatter();
  return (
    <section aria-labelledby="nominations" className="space-y-3">
      <h2 id="nominations" className="text-xl font-semibold text-brand-900">
        {t('title')}
      </h2>
      {page.items.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <ul className="space-y-3">
          {page.items.map((n) => (
            <li key={n.id} className="card space-y-2">
              <p dir="auto" className="font-semibold break-words">
                {t('nominee', { name: n.nominee.name, organisation: n.organisation.name })}
              </p>
              <p className="text-sm text-slate-700">
                {t('by', { name: n.nominatedBy.name, date: format.dateTime(n.createdAt, { dateStyle: 'medium' }) })}
              </p>
              <div className="flex flex-wrap gap-3">
                <ActionButton
                  action={decideNominationAction}
                  fields={{ nominationId: n.id, confirm: 'true' }}
                  pendingLabel={t('saving')}
                  variant="primary"
                >
                  {t('confirm')}
                  <span className="sr-only">: {n.nominee.name}</span>
                </ActionButton>
                <ActionButton action={decideNominationAction} fields={{ nominationId: n.id, confirm: 'false' }} pendingLabel={t('saving')}>
                  {t('decline')}
                  <span className="sr-only">: {n.nominee.name}</span>
                </ActionButton>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager path="/admin/applications" params={params} previous={page.previous} next={page.next} cursorParam="nominations" label={t('pages')} />
    </section>
  );
}
