import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { requireAdmin } from '@/lib/auth/require';
import { getUser } from '@/lib/dal/users';
import { countryName } from '@/lib/i18n/countries';
import { Badge, USER_STATUS_TONES } from '../../_components/list';
import { ButtonForm } from '../../_components/button-form';
import { focalPointAction, userStatusAction } from '../actions';
import { RoleForm } from '../forms';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await getUser(await requireAdmin(), (await params).id);
  return { title: user?.name ?? (await getTranslations('admin.user'))('title') };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function UserPage({ params }: Props) {
  const viewer = await requireAdmin();
  const user = await getUser(viewer, (await params).id);
  if (!user) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const when = (d: Date | null) =>
    d ? <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' })}</time> : t('common.none');
  const self = user.id === viewer.id;
  const suspending = user.status === 'active';
  const facts: [string, ReactNode][] = [
    [t('admin.user.email'), <span key="email" className="break-all">{user.email}</span>],
    [t('admin.user.jobTitle'), <span key="job" dir="auto">{user.jobTitle}</span>],
    [
      t('admin.user.organisation'),
      <Link key="org" href={`/admin/organisations/${user.organisationId}`} dir="auto">
        {user.organisationName}
      </Link>,
    ],
    [t('admin.user.sector'), t(`common.sectors.${user.sector}`)],
    [t('admin.user.country'), countryName(user.country, locale) ?? t('common.none')],
    [t('admin.user.role'), t(`common.roles.${user.role}`)],
    [t('admin.user.focalPoint'), user.isFocalPoint ? t('common.yes') : t('common.no')],
    [t('admin.user.liveSessions'), format.number(user.liveSessions)],
    [t('admin.user.registered'), when(user.createdAt)],
    [t('admin.user.emailConfirmed'), when(user.emailVerifiedAt)],
    [
      t('admin.user.decided'),
      user.decidedAt
        ? t('admin.user.decidedBy', {
            when: format.dateTime(user.decidedAt, { dateStyle: 'medium', timeStyle: 'short' }),
            name: user.decidedByName ?? t('common.none'),
          })
        : t('common.none'),
    ],
    [t('admin.user.lastChanged'), when(user.updatedAt)],
    [t('admin.user.localeAndZone'), `${user.locale} · ${user.timeZone}`],
  ];

  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/admin/users">
        <span aria-hidden>←</span> {t('admin.user.back')}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 dir="auto" className="text-2xl font-bold break-words text-brand-900">
          {user.name}
        </h1>
        <Badge tone={USER_STATUS_TONES[user.status]}>{t(`common.statuses.${user.status}`)}</Badge>
      </div>

      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-5 text-sm sm:grid-cols-[max-content_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <Section id="application" title={t('admin.user.application')}>
        <p dir="auto" className="whitespace-pre-line break-words text-slate-800">
          {user.reason || t('common.none')}
        </p>
        {user.decisionReason ? (
          <>
            <h3 className="text-sm font-semibold text-slate-800">{t('admin.user.decisionReason')}</h3>
            <p dir="auto" className="whitespace-pre-line break-words text-slate-800">
              {user.decisionReason}
            </p>
          </>
        ) : null}
        {user.status === 'pending' ? <Link href="/admin/applications">{t('admin.user.decideOnApplications')}</Link> : null}
      </Section>

      {self ? <p className="rounded-md bg-slate-100 px-4 py-3 text-sm text-slate-800">{t('admin.user.thisIsYou')}</p> : null}

      {self ? null : (
        <Section id="role" title={t('admin.user.roleTitle')}>
          <RoleForm userId={user.id} role={user.role} />
        </Section>
      )}

      <Section id="focal-point" title={t('admin.user.focalPointTitle')}>
        <p className="text-sm text-slate-700">{t('admin.user.focalPointText', { organisation: user.organisationName })}</p>
        <ButtonForm
          action={focalPointAction}
          fields={{ userId: user.id, isFocalPoint: String(!user.isFocalPoint) }}
          label={user.isFocalPoint ? t('admin.user.clearFocalPoint') : t('admin.user.setFocalPoint')}
          pendingLabel={t('admin.user.saving')}
        />
      </Section>

      {!self && (user.status === 'active' || user.status === 'suspended') ? (
        <Section id="status" title={t('admin.user.statusTitle')}>
          <ButtonForm
            action={userStatusAction}
            fields={{ userId: user.id, status: suspending ? 'suspended' : 'active' }}
            text={t(suspending ? 'admin.user.suspendText' : 'admin.user.reactivateText')}
            label={t(suspending ? 'admin.user.suspend' : 'admin.user.reactivate', { name: user.name })}
            pendingLabel={t(suspending ? 'admin.user.suspending' : 'admin.user.reactivating')}
            variant={suspending ? 'danger' : 'primary'}
          />
        </Section>
      ) : null}
    </div>
  );
}
