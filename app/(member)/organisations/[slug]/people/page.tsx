import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { Pager } from '@/app/_components/list-controls';
import { requireViewer } from '@/lib/auth/require';
import { managedOrganisation } from '@/lib/dal/people/access';
import { listMembers, listOrganisationApplications } from '@/lib/dal/people/people';
import { visibleOr404 } from '@/lib/pages';
import { ApplicationCard } from './_components/application-card';
import { InviteForm } from './_components/invite-form';
import { MemberRow } from './_components/member-row';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await requireViewer();
  const organisation = await visibleOr404(managedOrganisation(viewer, (await params).slug));
  return { title: (await getTranslations('people'))('title', { name: organisation.name }) };
}

/** A focal point's page for their organisation's staff (decision 018): applications, invitations, members. */
export default async function OrganisationPeoplePage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const organisation = await visibleOr404(managedOrganisation(viewer, (await params).slug));
  const query = await searchParams;
  const [applications, members] = await Promise.all([
    listOrganisationApplications(viewer, organisation.id, one(query.applications)),
    listMembers(viewer, organisation.id, one(query.cursor)),
  ]);
  const t = await getTranslations('people');
  const path = `/organisations/${organisation.slug}/people`;

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p>
          <Link href={`/organisations/${organisation.slug}`} dir="auto">
            {organisation.name}
          </Link>
        </p>
        <h1 dir="auto" className="text-2xl font-bold break-words text-brand-900">
          {t('title', { name: organisation.name })}
        </h1>
        <p className="text-slate-700">{t('intro')}</p>
      </header>

      <section aria-labelledby="applications" className="space-y-3">
        <h2 id="applications" className="text-lg font-semibold">
          {t('applications.title')}
        </h2>
        <p className="text-sm text-slate-700">{t('applications.intro')}</p>
        {applications.items.length ? (
          <ol className="space-y-3">
            {applications.items.map((a) => (
              <li key={a.id}>
                <ApplicationCard application={a} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">{t('applications.empty')}</p>
        )}
        <Pager
          path={path}
          params={{ cursor: one(query.cursor) }}
          previous={applications.previous}
          next={applications.next}
          cursorParam="applications"
          label={t('applications.pages')}
        />
      </section>

      <section aria-labelledby="invite" className="space-y-3">
        <h2 id="invite" className="text-lg font-semibold">
          {t('invite.title')}
        </h2>
        <p className="text-sm text-slate-700">{t('invite.intro')}</p>
        <InviteForm organisationId={organisation.id} />
      </section>

      <section aria-labelledby="members" className="space-y-3">
        <h2 id="members" className="text-lg font-semibold">
          {t('members.title')}
        </h2>
        <p className="text-sm text-slate-700">{t('members.intro')}</p>
        {members.items.length ? (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {members.items.map((p) => (
              <MemberRow key={p.id} person={p} self={p.id === viewer.id} />
            ))}
          </ul>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">{t('members.empty')}</p>
        )}
        <Pager
          path={path}
          params={{ applications: one(query.applications) }}
          previous={members.previous}
          next={members.next}
          label={t('members.pages')}
        />
      </section>
    </article>
  );
}
