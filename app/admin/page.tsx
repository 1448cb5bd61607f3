import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth/require';
import { adminOverview } from '@/lib/dal/console/users';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { secondFactorRequiredForEveryone } from '@/lib/auth/second-factor';
import { peopleSettings } from '@/lib/dal/people/settings';
import { PeopleSettingsForm } from './_components/people-settings-form';
import { requireSecondFactorAction } from './settings-actions';
import { PageHeader } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.overview'))('title') };
}

export default async function AdminOverviewPage() {
  const viewer = await requireAdmin();
  const t = await getTranslations('admin.overview');
  const counts = await adminOverview(viewer);
  const everyone = await secondFactorRequiredForEveryone();
  const tSecurity = await getTranslations('security.admin');
  const people = await peopleSettings();
  const tPeople = await getTranslations('people.settings');
  const cards = [
    { id: 'applications', count: t('pending', { count: counts.pendingApplications }), href: '/admin/applications', link: t('reviewApplications') },
    { id: 'members', count: t('activeMembers', { count: counts.activeMembers }), href: '/admin/users?status=active', link: t('manageUsers') },
    {
      id: 'organisations',
      count: t('organisations', { count: counts.organisations }),
      href: '/admin/organisations?status=active',
      link: t('manageOrganisations'),
    },
    { id: 'audit', count: t('auditTitle'), href: '/admin/audit', link: t('readAudit') },
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} wide />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((card) => (
          <li key={card.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="text-lg font-semibold text-slate-900">{card.count}</h2>
            <Link href={card.href}>{card.link}</Link>
          </li>
        ))}
      </ul>
      <section aria-labelledby="second-factor-everyone" className="max-w-3xl space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="second-factor-everyone" className="text-lg font-semibold text-slate-900">
          {tSecurity('everyoneTitle')}
        </h2>
        <ActionButton
          action={requireSecondFactorAction}
          fields={{ required: String(!everyone) }}
          text={tSecurity(everyone ? 'everyoneOn' : 'everyoneOff')}
          pendingLabel={tSecurity('saving')}
        >
          {tSecurity(everyone ? 'stopRequiring' : 'requireEveryone')}
        </ActionButton>
      </section>
      <section aria-labelledby="focal-point-settings" className="max-w-3xl space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="focal-point-settings" className="text-lg font-semibold text-slate-900">
          {tPeople('title')}
        </h2>
        <p className="text-sm text-slate-700">{tPeople('intro')}</p>
        <PeopleSettingsForm waitDays={people.endorsementWaitDays} skipApproval={people.invitationsSkipApproval} />
      </section>
    </div>
  );
}
