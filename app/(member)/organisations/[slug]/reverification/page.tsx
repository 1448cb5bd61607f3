import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { isolated } from '@/app/_components/bidi';
import { Pager } from '@/app/_components/list-controls';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { Badge } from '@/app/_components/ui/badge';
import { requireViewer } from '@/lib/auth/require';
import { config } from '@/lib/config';
import { listReviewedPeople, reverificationOverview } from '@/lib/dal/reverification/people';
import { visibleOr404 } from '@/lib/pages';
import { reviewedPeopleListSchema } from '@/lib/validation/reverification';
import { reviewPersonAction } from './actions';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await requireViewer();
  const organisation = await visibleOr404(reverificationOverview(viewer, (await params).slug));
  return { title: (await getTranslations('reverification.confirm'))('title', { name: organisation.name }) };
}

/** A day (YYYY-MM-DD) as a date in the viewer's language, read as that calendar day wherever they are. */
const asDay = (day: string) => new Date(`${day}T12:00:00Z`);

/**
 * The yearly re-verification for an organisation's focal points (and admins): while a round is open,
 * each person who still works here is confirmed and each who has left is suspended; the others are
 * suspended after the grace period. Anyone else: not found.
 */
export default async function ReverificationPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const organisation = await visibleOr404(reverificationOverview(viewer, (await params).slug));
  const { cursor } = reviewedPeopleListSchema.parse(await searchParams);
  const page = await listReviewedPeople(viewer, organisation, cursor);
  const t = await getTranslations('reverification.confirm');
  const format = await getFormatter();
  const day = (d: string) => format.dateTime(asDay(d), { dateStyle: 'long', timeZone: 'UTC' });
  const round = organisation.round;
  const deadline = round ? new Date(asDay(round.dueOn).getTime() + config().REVERIFICATION_GRACE_DAYS * 86_400_000) : null;
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-2">
        <p>
          <Link href={`/organisations/${organisation.slug}`}>{t('back')}</Link>
        </p>
        <h1 dir="auto" className="text-2xl font-bold break-words text-brand-900">
          {isolated(t, 'title', { name: organisation.name })}
        </h1>
        <p className="text-slate-700">{t('intro')}</p>
      </div>
      {round && deadline ? (
        <div className="space-y-1 rounded-lg border border-brand-100 bg-brand-50 p-4 text-brand-900">
          <p>{isolated(t, 'open', { date: day(round.dueOn), deadline: format.dateTime(deadline, { dateStyle: 'long', timeZone: 'UTC' }) })}</p>
          <p className="font-semibold">{t('remaining', { count: round.unconfirmed })}</p>
        </div>
      ) : (
        <p className="card text-slate-700">{organisation.dueOn ? isolated(t, 'nextDate', { date: day(organisation.dueOn) }) : t('noDate')}</p>
      )}
      {round ? (
        <section aria-labelledby="people" className="space-y-3">
          <h2 id="people" className="text-lg font-semibold">
            {t('people')}
          </h2>
          {page.items.length ? (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {page.items.map((person) => (
                <li key={person.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3">
                  <div className="min-w-0 space-y-1">
                    <p className="font-semibold">
                      <Link href={`/people/${person.id}`} dir="auto">
                        {person.name}
                      </Link>
                    </p>
                    <p className="text-sm text-slate-600" dir="auto">
                      {person.jobTitle}
                    </p>
                  </div>
                  {person.confirmed ? (
                    <Badge tone="success">{t('confirmed')}</Badge>
                  ) : (
                    <div className="flex flex-wrap gap-2">
                      <ActionButton
                        action={reviewPersonAction}
                        fields={{ slug: organisation.slug, userId: person.id, decision: 'stays' }}
                        pendingLabel={t('saving')}
                      >
                        {t('stays')}
                        <span className="sr-only">: {person.name}</span>
                      </ActionButton>
                      <ActionButton
                        action={reviewPersonAction}
                        fields={{ slug: organisation.slug, userId: person.id, decision: 'left' }}
                        pendingLabel={t('saving')}
                        variant="danger"
                      >
                        {t('left')}
                        <span className="sr-only">: {person.name}</span>
                      </ActionButton>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">{t('empty')}</p>
          )}
          <Pager path={`/organisations/${organisation.slug}/reverification`} params={{}} previous={page.previous} next={page.next} />
        </section>
      ) : null}
    </div>
  );
}
