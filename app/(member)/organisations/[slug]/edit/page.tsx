import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { OrganisationLogo } from '@/app/(member)/directory/_components/organisation-logo';
import { requireViewer } from '@/lib/auth/require';
import { pageNotFound, visibleOr404 } from '@/lib/pages';
import { isAdmin } from '@/lib/dal/roles';
import { getOrganisationBySlug } from '@/lib/dal/directory/organisations';
import { LogoForm, OrganisationProfileForm } from './forms';
import { isolated } from '@/app/_components/bidi';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await requireViewer();
  const organisation = await visibleOr404(getOrganisationBySlug(viewer, (await params).slug));
  return { title: (await getTranslations('directory.editOrganisation'))('title', { name: organisation.name }) };
}

/** The organisation's profile, for its focal points and admins (anyone else: not found). */
export default async function EditOrganisationPage({ params }: Props) {
  const viewer = await requireViewer();
  const organisation = await visibleOr404(getOrganisationBySlug(viewer, (await params).slug));
  if (!organisation.canEdit) await pageNotFound('organisation');
  const t = await getTranslations('directory');
  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-2">
        <p>
          <Link href={`/organisations/${organisation.slug}`}>{t('editOrganisation.back')}</Link>
        </p>
        <h1 dir="auto" className="text-2xl font-bold break-words text-brand-900">
          {isolated(t, 'editOrganisation.title', { name: organisation.name })}
        </h1>
        <p className="text-slate-700">{t('editOrganisation.intro')}</p>
        {isAdmin(viewer) ? (
          <p>
            <Link href={`/admin/organisations/${organisation.id}`}>{t('editOrganisation.adminDetails')}</Link>
          </p>
        ) : null}
      </div>
      <OrganisationProfileForm
        organisation={{ id: organisation.id, description: organisation.description ?? '', website: organisation.website ?? '' }}
      />
      <section aria-labelledby="logo" className="space-y-4 border-t border-slate-200 pt-6">
        <h2 id="logo" className="text-lg font-semibold">
          {t('editOrganisation.logoTitle')}
        </h2>
        <div className="flex items-center gap-3">
          <OrganisationLogo name={organisation.name} fileId={organisation.logoFileId} size="lg" alt={t('editOrganisation.logoCurrent')} />
          {organisation.logoFileId ? null : <p className="text-slate-700">{t('editOrganisation.noLogo')}</p>}
        </div>
        <LogoForm organisationId={organisation.id} />
      </section>
    </div>
  );
}
