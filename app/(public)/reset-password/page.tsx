import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/alert';
import { ResetForm } from './reset-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.reset'))('title') };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const t = await getTranslations('auth.reset');
  const valid = typeof token === 'string' && token.length >= 10 && token.length <= 100;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {valid ? (
          <ResetForm token={token} />
        ) : (
          <Alert tone="warning">
            {t('invalid')} <Link href="/forgot-password">{t('askAgain')}</Link>
          </Alert>
        )}
      </div>
    </div>
  );
}
