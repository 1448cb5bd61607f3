import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { nextStepFor } from '@/lib/auth/second-step';
import { completePendingSession } from '@/lib/auth/sessions';
import { getPendingSession, getViewer } from '@/lib/auth/viewer';
import { safeNextPath } from '@/lib/safe-redirect';
import { KeySignIn } from '@/app/_components/security-key';
import { hasSecurityKey } from '@/lib/auth/webauthn';
import { SecondFactorForm } from './second-factor-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('security.signIn'))('title') };
}

/**
 * The second step of signing in. A signed-in viewer goes on to `next`; a session waiting for its factor
 * gets the form; an account that must have a factor and has none goes to the enrolment (and nowhere else).
 */
export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await getViewer()) redirect(next);
  const pending = await getPendingSession();
  if (!pending) redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  const step = await nextStepFor(pending);
  if (step === 'enrol') redirect(`/settings/security/enrol?next=${encodeURIComponent(next)}`);
  if (step === 'none') {
    // Its factors were reset since the password was checked, and none is required: nothing more to ask.
    await completePendingSession(pending.sessionKey);
    redirect(next);
  }
  const t = await getTranslations('security.signIn');
  const tKeys = await getTranslations('security.keys');
  const withKey = await hasSecurityKey(pending.userId);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <p className="text-slate-700">{t('intro')}</p>
      {withKey ? (
        <section aria-labelledby="use-key" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="use-key" className="text-lg font-semibold">
            {tKeys('title')}
          </h2>
          <KeySignIn next={next} />
        </section>
      ) : null}
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {withKey ? <h2 className="mb-4 text-lg font-semibold">{tKeys('orCode')}</h2> : null}
        <SecondFactorForm next={next} />
      </div>
      <p className="text-sm text-slate-700">{t('lost')}</p>
      <p className="text-sm">
        <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>{t('restart')}</Link>
      </p>
    </div>
  );
}
