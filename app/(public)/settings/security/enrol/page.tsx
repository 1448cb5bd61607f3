import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import { Alert } from '@/app/_components/ui/alert';
import { startTotpEnrolment } from '@/lib/auth/second-factor';
import { nextStepFor } from '@/lib/auth/second-step';
import { getPendingSession, getViewer } from '@/lib/auth/viewer';
import { safeNextPath } from '@/lib/safe-redirect';
import { RegisterKeyForm } from '@/app/_components/security-key';
import { EnrolTotpForm } from './enrol-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('security.enrol'))('title') };
}

/**
 * Adding an authenticator app. A staff account without a factor is sent here right after its password
 * and can reach nothing else until it has enrolled; a signed-in member comes from /settings/security.
 */
export default async function EnrolPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const viewer = await getViewer();
  const pending = viewer ? null : await getPendingSession();
  const forced = !viewer;
  const next = safeNextPath(params.next, viewer ? '/settings/security' : '/home');
  if (!viewer) {
    if (!pending) redirect(`/sign-in?next=${encodeURIComponent('/settings/security/enrol')}`);
    // Only an account that has no factor enrols before its second step.
    if ((await nextStepFor(pending)) !== 'enrol') redirect(`/sign-in/second-factor?next=${encodeURIComponent(next)}`);
  }
  const account = viewer ?? { id: pending!.userId, email: pending!.email };
  const t = await getTranslations('security.enrol');
  const tKeys = await getTranslations('security.keys');
  const { secret, uri, token } = startTotpEnrolment(account);
  const qr = await QRCode.toDataURL(uri, { margin: 1, width: 220, errorCorrectionLevel: 'M' });
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      {forced ? <Alert tone="info">{t('required')}</Alert> : null}
      <ol className="list-decimal space-y-6 ps-5">
        <li className="space-y-3">
          <p>{t('step1')}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, not an optimisable image */}
          <img src={qr} alt={t('qrAlt')} width={220} height={220} className="rounded border border-slate-200 bg-white" />
          <p className="text-sm text-slate-700">{t('manual')}</p>
          <p dir="ltr" className="font-mono text-sm break-all text-slate-900" data-testid="totp-key">
            {secret.match(/.{1,4}/g)!.join(' ')}
          </p>
        </li>
        <li className="space-y-3">
          <p>{t('step2')}</p>
          <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <EnrolTotpForm token={token} next={next} />
          </div>
        </li>
      </ol>
      <section aria-labelledby="add-key" className="space-y-3">
        <h2 id="add-key" className="text-lg font-semibold">
          {tKeys('title')}
        </h2>
        <p className="text-slate-700">{tKeys('text')}</p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <RegisterKeyForm next={next} />
        </div>
      </section>
      {viewer ? <Link href="/settings/security">{t('back')}</Link> : <p className="text-sm text-slate-700">{t('lost')}</p>}
    </div>
  );
}
