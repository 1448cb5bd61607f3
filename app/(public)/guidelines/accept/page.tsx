import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getGuidelinesPendingViewer, getViewer } from '@/lib/auth/viewer';
import { currentGuidelines } from '@/lib/dal/guidelines/guidelines';
import { safeNextPath } from '@/lib/safe-redirect';
import { GuidelinesText } from '../guidelines-text';
import { AcceptGuidelinesForm } from './accept-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('guidelines.accept'))('title') };
}

/**
 * A new version of the community guidelines, to accept before anything else (decision 019): every member
 * page sends here a member whose accepted version is older (lib/auth/require.ts), as the forced
 * second-factor enrolment does. Someone who has accepted it goes straight on; anyone else signs in.
 */
export default async function AcceptGuidelinesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getViewer()) redirect(next);
  const account = await getGuidelinesPendingViewer();
  const current = account ? await currentGuidelines() : null;
  if (!account || !current) redirect(`/sign-in?next=${encodeURIComponent(`/guidelines/accept?next=${next}`)}`);
  const t = await getTranslations('guidelines');
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('accept.title')}</h1>
      <p className="text-slate-700">{t('accept.intro')}</p>
      <section aria-labelledby="changes" className="border-brand-200 space-y-2 rounded-lg border bg-brand-50 p-5">
        <h2 id="changes" className="font-semibold">
          {t('accept.changes')}
        </h2>
        <p lang={current.language} dir="auto" className="whitespace-pre-line text-slate-800">
          {current.changeSummary}
        </p>
      </section>
      <section aria-labelledby="text" className="space-y-2">
        <h2 id="text" className="text-lg font-semibold">
          {t('accept.text')}
        </h2>
        <GuidelinesText version={current} />
      </section>
      <AcceptGuidelinesForm version={current.version} next={next} />
    </div>
  );
}
