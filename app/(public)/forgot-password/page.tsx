import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { ForgotForm } from './forgot-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.forgot'))('title') };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('auth.forgot');
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <p className="text-slate-700">{t('text')}</p>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ForgotForm />
      </div>
      <p className="text-sm">
        <Link href="/sign-in">{t('back')}</Link>
      </p>
    </div>
  );
}
