import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth/require';
import { listApplications } from '@/lib/dal/console/applications';
import { adminOverview } from '@/lib/dal/console/users';
import { countryName } from '@/lib/i18n/countries';
import { applicationFiltersSchema } from '@/lib/validation/admin';
import { Badge, Empty, Pager } from '../_components/list';
import { DecisionForms } from './forms';
import { Endorsement } from './endorsement';
import { Nominations } from './nominations';
import { DeleteApplicationButton } from '../_components/delete-application';
import { PageHeader } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.applications'))('title') };
}

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireAdmin();
  const query = await searchParams;
  const filters = applicationFiltersSchema.parse(query);
  const nominationsCursor = typeof query.nominations === 'string' ? query.nominations : undefined;
  const [page, counts] = await Promise.all([listApplications(viewer, filters), adminOverview(viewer)]);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();

  return (
    <div className="space-y-6">
      <PageHeader title={t('admin.applications.title')} intro={t('admin.applications.intro', { count: counts.pendingApplications })} wide />

      {page.items.length === 0 ? (
        <Empty>{t('admin.applications.empty')}</Empty>
      ) : (
        <ol className="space-y-4">
          {page.items.map((a) => {
            const headingId = `application-${a.id}`;
            return (
              <li key={a.id}>
                <article aria-labelledby={headingId} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-0">
                      <h2 id={headingId} dir="auto" className="text-lg font-semibold break-words text-slate-900">
                        {a.name}
                      </h2>
                      <p className="text-sm break-all text-slate-700">{a.email}</p>
                    </div>
                    <Badge tone={a.emailDomainMatches ? 'success' : 'warning'}>
                      {a.emailDomainMatches
                        ? t('admin.applications.domainMatches')
                        : a.freeMail
                          ? t('admin.applications.freeMail')
                          : a.organisation.isNew
                            ? t('admin.applications.domainUnproven')
                            : t('admin.applications.domainDiffers')}
                    </Badge>
                  </div>
                  <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                    <dt className="font-medium text-slate-600">{t('admin.applications.jobTitle')}</dt>
                    <dd dir="auto">{a.jobTitle}</dd>
                    <dt className="font-medium text-slate-600">{t('admin.applications.organisation')}</dt>
                    <dd className="flex flex-wrap items-center gap-2">
                      <span dir="auto">{a.organisation.name}</span>
                      {a.organisation.isNew ? <Badge tone="info">{t('admin.applications.newOrganisation')}</Badge> : null}
                    </dd>
                    <dt className="font-medium text-slate-600">{t('admin.applications.sector')}</dt>
                    <dd>{t(`common.sectors.${a.organisation.sector}`)}</dd>
                    <dt className="font-medium text-slate-600">{t('admin.applications.country')}</dt>
                    <dd>{countryName(a.organisation.country, locale) ?? t('admin.applications.noCountry')}</dd>
                    <dt className="font-medium text-slate-600">{t('admin.applications.applied')}</dt>
                    <dd>
                      <time dateTime={a.appliedAt.toISOString()}>{format.dateTime(a.appliedAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                    </dd>
                    <dt className="font-medium text-slate-600">{t('people.admin.endorsement')}</dt>
                    <dd>
                      <Endorsement application={a} />
                    </dd>
                  </dl>
                  <div className="space-y-1">
                    <h3 className="text-sm font-semibold text-slate-800">{t('admin.applications.why')}</h3>
                    <p dir="auto" className="break-words whitespace-pre-line text-slate-800">
                      {a.reason || t('admin.applications.noReason')}
                    </p>
                  </div>
                  {a.waitsUntil ? (
                    <p className="border-t border-slate-200 pt-4 text-sm text-slate-700">
                      {t('people.admin.waitsUntil', { date: format.dateTime(a.waitsUntil, { dateStyle: 'medium' }) })}
                    </p>
                  ) : (
                    <DecisionForms userId={a.id} name={a.name} />
                  )}
                  <DeleteApplicationButton userId={a.id} variant="ghost" />
                </article>
              </li>
            );
          })}
        </ol>
      )}
      <Pager
        path="/admin/applications"
        params={{ nominations: nominationsCursor }}
        previous={page.previous}
        next={page.next}
        label={t('people.admin.applicationPages')}
      />
      <Nominations viewer={viewer} cursor={nominationsCursor} params={{ cursor: filters.cursor ?? undefined }} />
    </div>
  );
}
