import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { countryOptions } from '@/lib/i18n/countries';
import { RegisterForm } from './register-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.register'))('title') };
}

export default async function RegisterPage() {
  const t = await getTranslations('auth.register');
  const countries = countryOptions(await getLocale());
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
        <p className="text-slate-700">{t('intro')}</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <RegisterForm countries={countries} />
      </div>
      <p className="text-sm text-slate-700">
        {t('haveAccount')} <Link href="/sign-in">{t('signIn')}</Link>
      </p>
    </div>
  );
}
