import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/require';
import { getOwnProfile, listExpertiseAreas } from '@/lib/dal/directory/profiles';
import { languageOptions } from '@/lib/i18n/languages';
import { ProfileForm } from './forms';
import { localiseAreas } from '@/lib/i18n/expertise';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('profile'))('title') };
}

export default async function ProfileSettingsPage() {
  const viewer = await requireViewer();
  const [profile, areas] = await Promise.all([getOwnProfile(viewer), listExpertiseAreas().then(localiseAreas)]);
  const t = await getTranslations('profile');
  const locale = await getLocale();
  const languages = languageOptions(locale);
  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
        <p className="text-slate-700">{t('intro')}</p>
        <p>
          <Link href={`/people/${viewer.id}`}>{t('view')}</Link>
        </p>
      </div>
      <dl className="card grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-600">{t('organisation')}</dt>
        <dd dir="auto">{viewer.organisationName}</dd>
        <dt className="font-medium text-slate-600">{t('email')}</dt>
        <dd className="break-all">{profile.email}</dd>
      </dl>
      <p className="-mt-6 text-sm text-slate-600">{t('fixedHint')}</p>
      <ProfileForm
        saved={{
          name: profile.name,
          pronouns: profile.pronouns ?? '',
          jobTitle: profile.jobTitle,
          bio: profile.bio,
          phone: profile.phone ?? '',
          expertise: profile.expertise,
          languages: profile.languages,
          listed: profile.listed,
          showEmail: profile.showEmail,
          showPhone: profile.showPhone,
        }}
        expertise={areas.map((a) => ({ value: a.slug, label: a.label }))}
        languages={languages}
      />
    </div>
  );
}
