import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { countryOptions } from '@/lib/i18n/countries';
import { Alert } from '@/app/_components/ui/alert';
import { invitationPreview } from '@/lib/dal/people/invitations';
import { RegisterForm } from './register-form';
import { PageHeader } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.register'))('title') };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('auth.register');
  const tInvitation = await getTranslations('people.invitation');
  const countries = countryOptions(await getLocale());
  // A focal point's invitation link (decision 018): the organisation is theirs, the address the invited one.
  const { invitation: token } = await searchParams;
  const invitation = typeof token === 'string' ? await invitationPreview(token) : null;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} wide />
      {typeof token === 'string' ? (
        <Alert tone={invitation ? 'info' : 'warning'}>
          {invitation ? tInvitation('welcome', { organisation: invitation.organisationName }) : tInvitation('invalid')}
        </Alert>
      ) : null}
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <RegisterForm countries={countries} invitation={invitation && typeof token === 'string' ? { token, ...invitation } : undefined} />
      </div>
      <p className="text-sm text-slate-700">
        {t('haveAccount')} <Link href="/sign-in">{t('signIn')}</Link>
      </p>
    </div>
  );
}
