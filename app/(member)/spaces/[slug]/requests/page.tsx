import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listJoinRequests } from '@/lib/dal/discussions/spaces';
import { visibleOr404 } from '@/lib/pages';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { decideJoinAction } from '../../actions';
import { loadSpace } from '../load';
import { isolated } from '@/app/_components/bidi';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('discussions.space'))('requests') };
}

/** Join requests of a request-only space: its managers and admins (404 for everyone else). */
export default async function JoinRequestsPage({ params }: Props) {
  const { viewer, space } = await loadSpace(params);
  const requests = await visibleOr404(listJoinRequests(viewer, space.id));
  const t = await getTranslations('discussions.space');
  const tNav = await getTranslations('discussions.nav');
  const format = await getFormatter();
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label={tNav('breadcrumb')} className="text-sm">
        <Link href={`/spaces/${space.slug}`} dir="auto">
          {space.name}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold text-brand-900">{isolated(t, 'requestsTitle', { space: space.name })}</h1>
      {requests.length === 0 ? <p>{t('noRequests')}</p> : null}
      <ul className="space-y-3">
        {requests.map((r) => (
          <li key={r.id} className="card space-y-2">
            <p>
              <span className="font-semibold" dir="auto">
                {r.name}
              </span>{' '}
              <span className="text-slate-600" dir="auto">
                {r.organisationName}
              </span>
            </p>
            <p className="text-sm text-slate-600">{t('requestedOn', { when: format.dateTime(r.createdAt, { dateStyle: 'medium' }) })}</p>
            {r.message ? (
              <p className="whitespace-pre-line" dir="auto">
                {r.message}
              </p>
            ) : null}
            <div className="flex flex-wrap gap-3">
              <ActionButton action={decideJoinAction} fields={{ requestId: r.id, accept: 'true' }} variant="primary" pendingLabel={t('accept')}>
                {t('accept')}
              </ActionButton>
              <ActionButton action={decideJoinAction} fields={{ requestId: r.id, accept: 'false' }} pendingLabel={t('decline')}>
                {t('decline')}
              </ActionButton>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
