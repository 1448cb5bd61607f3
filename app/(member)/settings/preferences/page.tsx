import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/require';
import { localeNames } from '@/lib/i18n/locales';
import { PreferencesForm } from './preferences-form';
import { PageHeader } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('preferencesTitle') };
}

export default async function PreferencesPage() {
  const viewer = await requireViewer();
  const t = await getTranslations('settings');
  const tn = await getTranslations('notify.settings');
  // Each language in its own name, so whoever switched to one they cannot read finds theirs.
  const locales = localeNames().map((l) => ({ value: l.locale, label: l.name }));
  return (
    <div className="max-w-xl space-y-6">
      <PageHeader title={t('preferencesTitle')} intro={t('preferencesText')} wide />
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <PreferencesForm locale={viewer.locale} timeZone={viewer.timeZone} locales={locales} />
      </div>
      <p>
        <Link href="/settings/notifications">{tn('link')}</Link>
      </p>
    </div>
  );
}
