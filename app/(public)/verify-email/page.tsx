import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/alert';
import { verifyEmailAction } from './actions';
import { ResendForm, TokenForm } from './verify-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.verify'))('title') };
}

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const t = await getTranslations('auth.verify');
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {typeof token === 'string' && token.length >= 10 && token.length <= 100 ? (
          <TokenForm token={token} namespace="auth.verify" action={verifyEmailAction} />
        ) : (
          <Alert tone="warning">{t('missing')}</Alert>
        )}
      </div>
      <section aria-labelledby="resend" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="resend" className="text-lg font-semibold">
          {t('resendTitle')}
        </h2>
        <p className="text-slate-700">{t('resendText')}</p>
        <ResendForm />
      </section>
    </div>
  );
}
