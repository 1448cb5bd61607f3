import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/alert';
import { TokenForm } from '../verify-email/verify-form';
import { confirmEmailChangeAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.confirmEmail'))('title') };
}

/** The link sent to a new email address: following it makes it the account's address. */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const t = await getTranslations('auth.confirmEmail');
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {typeof token === 'string' && token.length >= 10 && token.length <= 100 ? (
          <TokenForm token={token} namespace="auth.confirmEmail" action={confirmEmailChangeAction} />
        ) : (
          <Alert tone="warning">{t('missing')}</Alert>
        )}
      </div>
    </div>
  );
}
