import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/app/_components/ui/button';
import { canManagePeople } from '@/lib/dal/people/access';
import type { OrganisationSectionProps } from '../../_sections';
import { SectionCard } from '../../_sections/section-card';

/** On an organisation's page, for its focal points and admins: the way to its people page. */
export async function OrganisationPeopleSection({ viewer, organisation }: OrganisationSectionProps) {
  if (!canManagePeople(viewer, organisation)) return null;
  const t = await getTranslations('people');
  return (
    <SectionCard id="manage-people" title={t('section.title')}>
      <p className="text-sm text-slate-700">{t('section.text')}</p>
      <Link href={`/organisations/${organisation.slug}/people`} className={buttonClass('secondary')}>
        {t('section.link')}
      </Link>
    </SectionCard>
  );
}
