import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/app/_components/ui/button';
import { canManagePeople } from '@/lib/dal/people/access';
import type { OrganisationSectionProps } from '../../_sections';

/** On an organisation's page, for its focal points and admins: the way to its people page. */
export async function OrganisationPeopleSection({ viewer, organisation }: OrganisationSectionProps) {
  if (!canManagePeople(viewer, organisation)) return null;
  const t = await getTranslations('people');
  return (
    <section aria-labelledby="manage-people" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="manage-people" className="text-lg font-semibold">
        {t('section.title')}
      </h2>
      <p className="text-sm text-slate-700">{t('section.text')}</p>
      <Link href={`/organisations/${organisation.slug}/people`} className={buttonClass('secondary')}>
        {t('section.link')}
      </Link>
    </section>
  );
}
