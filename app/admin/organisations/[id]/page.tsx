import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth/require';
import { visibleOr404 } from '@/lib/pages';
import { getOrganisation } from '@/lib/dal/console/organisations';
import { countryOptions } from '@/lib/i18n/countries';
import { SECTORS } from '@/lib/validation/admin';
import { Badge, ORGANISATION_STATUS_TONES, hrefWith } from '../../_components/list';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { reactivateOrganisationAction } from '../actions';
import { DeactivateOrganisationForm, OrganisationForm } from '../forms';
import { Arrow } from '@/app/_components/ui/arrow';
import { isolated } from '@/app/_components/bidi';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const organisation = await getOrganisation(await requireAdmin(), (await params).id);
  return { title: organisation?.name ?? (await getTranslations('admin.organisation'))('title') };
}

export default async function OrganisationPage({ params }: Props) {
  const viewer = await requireAdmin();
  const organisation = await visibleOr404(getOrganisation(viewer, (await params).id));
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const { status } = organisation;

  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/admin/organisations">
        <Arrow to="back" /> {t('admin.organisation.back')}
      </Link>
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 dir="auto" className="text-2xl font-bold break-words text-brand-900">
            {organisation.name}
          </h1>
          <Badge tone={ORGANISATION_STATUS_TONES[status]}>{t(`admin.organisationStatuses.${status}`)}</Badge>
          {organisation.isSecretariat ? <Badge tone="info">{t('admin.organisations.secretariat')}</Badge> : null}
        </div>
        <p className="text-sm text-slate-700">
          {t('admin.organisation.summary', {
            members: organisation.activeMembers,
            created: format.dateTime(organisation.createdAt, { dateStyle: 'medium' }),
            updated: format.dateTime(organisation.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
          })}
        </p>
        {status === 'proposed' ? <p className="text-sm text-slate-700">{t('admin.organisation.proposedText')}</p> : null}
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <Link href={hrefWith('/admin/users', { organisation: organisation.id })}>{t('admin.organisation.findPeople')}</Link>
          {status === 'active' || status === 'inactive' ? (
            <Link href={`/organisations/${organisation.slug}`}>{t('admin.organisation.memberPage')}</Link>
          ) : null}
        </p>
      </div>

      <section aria-labelledby="details" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="details" className="text-lg font-semibold">
          {t('admin.organisation.detailsTitle')}
        </h2>
        <OrganisationForm
          organisation={{
            id: organisation.id,
            version: organisation.version,
            name: organisation.name,
            sector: organisation.sector,
            country: organisation.country,
            website: organisation.website,
            emailDomains: organisation.emailDomains,
          }}
          sectors={SECTORS}
          countries={countryOptions(locale)}
        />
      </section>

      <section aria-labelledby="membership" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="membership" className="text-lg font-semibold">
          {t('admin.organisation.membershipTitle')}
        </h2>
        {organisation.isSecretariat ? (
          <p className="text-sm text-slate-700">{t('admin.organisation.secretariatStays')}</p>
        ) : status === 'proposed' ? (
          <p className="text-sm text-slate-700">{t('admin.organisation.decidedWithApplication')}</p>
        ) : status === 'active' ? (
          <>
            <p className="text-sm text-slate-700">{t('admin.organisation.deactivateText')}</p>
            <DeactivateOrganisationForm organisationId={organisation.id} name={organisation.name} />
          </>
        ) : (
          <>
            {organisation.deactivatedAt ? (
              <p className="text-sm text-slate-700">
                {isolated(t, 'admin.organisation.deactivatedOn', {
                  when: format.dateTime(organisation.deactivatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  reason: organisation.deactivationReason ?? '',
                })}
              </p>
            ) : null}
            <ActionButton
              action={reactivateOrganisationAction}
              fields={{ organisationId: organisation.id }}
              text={t('admin.organisation.reactivateText')}
              pendingLabel={t('admin.organisation.saving')}
              variant="primary"
            >
              {t('admin.organisation.reactivate', { name: organisation.name })}
            </ActionButton>
          </>
        )}
      </section>
    </div>
  );
}
