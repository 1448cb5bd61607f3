import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { Badge } from '@/app/_components/ui/badge';
import type { ManagedPerson } from '@/lib/dal/people/people';
import { nominateAction, removePersonAction } from '../actions';

/** One member: who they are, and what a focal point may do (nominate as focal point, remove). */
export async function MemberRow({ person: p, self }: { person: ManagedPerson; self: boolean }) {
  const t = await getTranslations('people.members');
  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <Link href={`/people/${p.id}`} dir="auto" className="font-semibold break-words">
            {p.name}
          </Link>
          {p.isFocalPoint ? <Badge tone="info">{t('focalPoint')}</Badge> : null}
          {p.nominated ? <Badge tone="warning">{t('nominatedBadge')}</Badge> : null}
          {self ? <Badge>{t('you')}</Badge> : null}
        </p>
        <p dir="auto" className="text-sm text-slate-700">
          {p.jobTitle}
        </p>
        <p className="text-sm break-all text-slate-700">{p.email}</p>
      </div>
      {self ? null : (
        <div className="flex flex-col gap-2 sm:items-end">
          {!p.isFocalPoint && !p.nominated ? (
            <ActionButton action={nominateAction} fields={{ userId: p.id }} pendingLabel={t('nominating')}>
              {t('nominate')}
              <span className="sr-only">: {p.name}</span>
            </ActionButton>
          ) : null}
          {!p.isFocalPoint ? (
            <details className="max-w-sm">
              <summary className="cursor-pointer text-sm font-medium text-red-800">
                {t('remove')}
                <span className="sr-only">: {p.name}</span>
              </summary>
              <div className="mt-2">
                <ActionButton
                  action={removePersonAction}
                  fields={{ userId: p.id }}
                  text={t('removeText')}
                  pendingLabel={t('removing')}
                  variant="danger"
                >
                  {t('removeConfirm')}
                  <span className="sr-only">: {p.name}</span>
                </ActionButton>
              </div>
            </details>
          ) : null}
        </div>
      )}
    </li>
  );
}
