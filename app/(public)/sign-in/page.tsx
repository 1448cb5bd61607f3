import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/alert';
import { getViewer } from '@/lib/auth/viewer';
import { safeNextPath } from '@/lib/safe-redirect';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.signIn'))('title') };
}

const NOTICES = ['signedOut', 'passwordReset', 'accountDeleted'] as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = typeof params.next === 'string' ? safeNextPath(params.next, '') : '';
  if (await getViewer()) redirect(next || '/home');
  const t = await getTranslations('auth.signIn');
  const notice = NOTICES.find((n) => n === params.notice);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      {notice ? <Alert tone="success">{t(notice)}</Alert> : null}
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm next={next || undefined} />
      </div>
      <p className="text-sm text-slate-700">
        {t('noAccount')} <Link href="/register">{t('register')}</Link>
      </p>
      <p className="text-sm text-slate-700">
        {t('newLink')} <Link href="/verify-email">{t('newLinkAction')}</Link>
      </p>
    </div>
  );
}
