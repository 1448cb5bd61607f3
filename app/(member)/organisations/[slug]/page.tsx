import type { Metadata } from 'next';
import { ReportControl } from '@/app/_components/moderation-tools';
import Link from '@/app/_components/link';
import { Fragment } from 'react';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/alert';
import { buttonClass } from '@/app/_components/ui/button';
import { Cooked } from '@/app/_components/cooked';
import { OrganisationLogo } from '@/app/(member)/directory/_components/organisation-logo';
import { Pager } from '@/app/_components/list-controls';
import { PersonCard } from '@/app/(member)/directory/_components/person-card';
import { requireViewer } from '@/lib/auth/require';
import { visibleOr404 } from '@/lib/pages';
import { getOrganisationBySlug } from '@/lib/dal/directory/organisations';
import { listFocalPoints, listOrganisationPeople } from '@/lib/dal/directory/people';
import { countryName, flagOf } from '@/lib/i18n/countries';
import { ORGANISATION_SECTIONS } from './_sections';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await requireViewer();
  const organisation = await visibleOr404(getOrganisationBySlug(viewer, (await params).slug));
  return { title: organisation.name };
}

export default async function OrganisationPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const { slug } = await params;
  const { cursor } = await searchParams;
  const organisation = await visibleOr404(getOrganisationBySlug(viewer, slug));
  const [focalPoints, people] = await Promise.all([
    listFocalPoints(viewer, organisation.id),
    listOrganisationPeople(viewer, organisation.id, typeof cursor === 'string' ? cursor : undefined),
  ]);
  const sections = await Promise.all(ORGANISATION_SECTIONS.map((Section) => Section({ viewer, organisation })));
  const t = await getTranslations('directory');
  const tReverification = await getTranslations('reverification.confirm');
  const tCommon = await getTranslations('common');
  const format = await getFormatter();
  const locale = await getLocale();
  const country = countryName(organisation.country, locale);

  return (
    <article className="space-y-8">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex items-start gap-4">
          <OrganisationLogo name={organisation.name} fileId={organisation.logoFileId} size="lg" alt={t('logoOf', { name: organisation.name })} />
          <div className="min-w-0 space-y-1">
            <h1 dir="auto" className="text-2xl font-bold break-words text-brand-900">
              {organisation.name}
            </h1>
            <p className="text-slate-700">{tCommon(`sectors.${organisation.sector}`)}</p>
          </div>
        </div>
        {organisation.canEdit ? (
          <Link href={`/organisations/${organisation.slug}/edit`} className={buttonClass('secondary')}>
            {t('organisation.edit')}
          </Link>
        ) : null}
        {organisation.canEdit && !organisation.formerMember && !organisation.isSecretariat ? (
          <Link href={`/organisations/${organisation.slug}/reverification`} className={buttonClass('secondary')}>
            {tReverification('link')}
          </Link>
        ) : null}
      </header>

      {organisation.formerMember ? <Alert tone="warning">{t('organisation.formerMember')}</Alert> : null}

      <dl className="card grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-600">{t('organisation.country')}</dt>
        <dd>
          {country ? (
            <>
              <span aria-hidden>{flagOf(organisation.country)} </span>
              {country}
            </>
          ) : (
            t('noCountry')
          )}
        </dd>
        {organisation.website ? (
          <>
            <dt className="font-medium text-slate-600">{t('organisation.website')}</dt>
            <dd className="break-all">
              <a href={organisation.website} rel="noopener noreferrer nofollow" target="_blank">
                {organisation.website.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </>
        ) : null}
        <dt className="font-medium text-slate-600">{t('organisation.memberSince')}</dt>
        <dd>{format.dateTime(organisation.createdAt, { year: 'numeric', month: 'long' })}</dd>
      </dl>

      <section aria-labelledby="about" className="space-y-2">
        <h2 id="about" className="text-lg font-semibold">
          {t('organisation.about')}
        </h2>
        {organisation.isSecretariat ? <p className="text-slate-700">{t('organisation.secretariat')}</p> : null}
        {organisation.descriptionHtml ? (
          <Cooked html={organisation.descriptionHtml} />
        ) : (
          <p className="text-slate-700">{t('organisation.noDescription')}</p>
        )}
      </section>

      <section aria-labelledby="focal-points" className="space-y-3">
        <h2 id="focal-points" className="text-lg font-semibold">
          {t('organisation.focalPoints')}
        </h2>
        {focalPoints.length ? (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {focalPoints.map((p) => (
              <PersonCard key={p.id} id={p.id} name={p.name} jobTitle={p.jobTitle} unlisted={p.listed ? undefined : t('people.unlisted')} />
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">{t('organisation.noFocalPoints')}</p>
        )}
      </section>

      <section aria-labelledby="people" className="space-y-3">
        <h2 id="people" className="text-lg font-semibold">
          {t('organisation.members')}
        </h2>
        {people.items.length ? (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {people.items.map((p) => (
              <PersonCard key={p.id} id={p.id} name={p.name} jobTitle={p.jobTitle} unlisted={p.listed ? undefined : t('people.unlisted')} />
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">{t('organisation.noMembers')}</p>
        )}
        <Pager path={`/organisations/${organisation.slug}`} params={{}} previous={people.previous} next={people.next} />
      </section>

      {sections.map((section, i) => (
        // The sections' order is fixed (ORGANISATION_SECTIONS): their place is their key.
        <Fragment key={i}>{section}</Fragment>
      ))}
      <ReportControl kind="organisation" targetId={organisation.id} />
    </article>
  );
}
