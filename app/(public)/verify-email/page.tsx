import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/alert';
import { VerifyForm } from './verify-form';

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
        {typeof token === 'string' && token.length >= 10 && token.length <= 100 ? <VerifyForm token={token} /> : <Alert tone="warning">{t('missing')}</Alert>}
      </div>
    </div>
  );
}
