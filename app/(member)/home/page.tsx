import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/require';
import { pendingApplicationCount } from '@/lib/dal/console/dashboard';
import { NewestResources } from '../resources/_components/newest-resources';
import { UrgentThreads } from './urgent-threads';
import { isolated } from '@/app/_components/bidi';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('home'))('title') };
}

export default async function HomePage() {
  const viewer = await requireViewer();
  const t = await getTranslations();
  const pending = await pendingApplicationCount(viewer);
  const card = 'rounded-lg border border-slate-200 bg-white p-5 space-y-2';
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-brand-900">{isolated(t, 'home.welcome', { name: viewer.name })}</h1>
        <p className="text-slate-600">
          {isolated(t, 'home.organisation', { organisation: viewer.organisationName, sector: t(`common.sectors.${viewer.sector}`) })}
        </p>
      </div>
      <UrgentThreads viewer={viewer} />
      <NewestResources viewer={viewer} />
      <div className="grid gap-4 md:grid-cols-2">
        {pending !== null ? (
          <section aria-labelledby="admin-box" className={card}>
            <h2 id="admin-box" className="font-semibold">
              {t('home.adminTitle')}
            </h2>
            <p>{t('home.pendingApplications', { count: pending })}</p>
            <Link href="/admin/applications">{t('home.review')}</Link>
          </section>
        ) : null}
        <section aria-labelledby="account-box" className={card}>
          <h2 id="account-box" className="font-semibold">
            {t('home.accountTitle')}
          </h2>
          <p className="text-slate-700">{t('home.accountText')}</p>
          <Link href="/settings/security">{t('home.accountLink')}</Link>
        </section>
        <section aria-labelledby="guidelines-box" className={card}>
          <h2 id="guidelines-box" className="font-semibold">
            {t('home.guidelinesTitle')}
          </h2>
          <p className="text-slate-700">{t('home.guidelinesText')}</p>
          <Link href="/guidelines">{t('home.guidelinesLink')}</Link>
        </section>
      </div>
    </div>
  );
}
