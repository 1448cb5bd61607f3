import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { requireAdmin } from '@/lib/auth/require';
import { visibleOr404 } from '@/lib/pages';
import { getUser } from '@/lib/dal/console/users';
import { listWarnings } from '@/lib/dal/moderation/members';
import { TemporarySuspensionForm, WarnForm } from '@/app/_components/moderation-tools';
import { countryName } from '@/lib/i18n/countries';
import { Badge, USER_STATUS_TONES } from '../../_components/list';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { factorCountFor } from '@/lib/auth/second-factor';
import { deleteAccountAction, focalPointAction, resetSecondFactorAction, userStatusAction } from '../actions';
import { DeleteApplicationButton } from '../../_components/delete-application';
import { RoleForm } from '../forms';
import { Arrow } from '@/app/_components/ui/arrow';
import { isolated } from '@/app/_components/bidi';
import { incidentsOf } from '@/lib/dal/console/quarantine';
import { Incidents } from './incidents';

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
  const user = await visibleOr404(getUser(viewer, (await params).id));
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const when = (d: Date | null) =>
    d ? <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' })}</time> : t('common.none');
  const self = user.id === viewer.id;
  const [factorCount, incidents, warnings] = await Promise.all([
    factorCountFor(viewer, user.id),
    incidentsOf(viewer, user.id),
    listWarnings(viewer, user.id),
  ]);
  const flagged = incidents.some((i) => !i.reviewedAt);
  const suspending = user.status === 'active';
  const facts: [string, ReactNode][] = [
    [
      t('admin.user.email'),
      <span key="email" className="break-all">
        {user.email}
      </span>,
    ],
    [
      t('admin.user.jobTitle'),
      <span key="job" dir="auto">
        {user.jobTitle}
      </span>,
    ],
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
        <Arrow to="back" /> {t('admin.user.back')}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 dir="auto" className="text-2xl font-bold break-words text-brand-900">
          {user.name}
        </h1>
        <Badge tone={USER_STATUS_TONES[user.status]}>{t(`common.statuses.${user.status}`)}</Badge>
        {flagged ? (
          <a href="#incidents">
            <Badge tone="danger">{t('admin.user.incidents.badge')}</Badge>
          </a>
        ) : null}
      </div>

      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-5 text-sm sm:grid-cols-[max-content_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <Incidents userId={user.id} incidents={incidents} />

      <Section id="application" title={t('admin.user.application')}>
        <p dir="auto" className="break-words whitespace-pre-line text-slate-800">
          {user.reason || t('common.none')}
        </p>
        {user.decisionReason ? (
          <>
            <h3 className="text-sm font-semibold text-slate-800">{t('admin.user.decisionReason')}</h3>
            <p dir="auto" className="break-words whitespace-pre-line text-slate-800">
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
        <p className="text-sm text-slate-700">{isolated(t, 'admin.user.focalPointText', { organisation: user.organisationName })}</p>
        <ActionButton
          action={focalPointAction}
          fields={{ userId: user.id, isFocalPoint: String(!user.isFocalPoint) }}
          pendingLabel={t('admin.user.saving')}
        >
          {user.isFocalPoint ? t('admin.user.clearFocalPoint') : t('admin.user.setFocalPoint')}
        </ActionButton>
      </Section>

      <Section id="second-factor" title={t('security.admin.title')}>
        <p className="text-sm text-slate-700">{t('security.admin.count', { count: factorCount })}</p>
        {!self && factorCount > 0 ? (
          <ActionButton
            action={resetSecondFactorAction}
            fields={{ userId: user.id }}
            text={t('security.admin.resetText')}
            pendingLabel={t('security.admin.resetting')}
            variant="danger"
          >
            {t('security.admin.reset', { name: user.name })}
          </ActionButton>
        ) : null}
      </Section>

      {!self && (user.status === 'active' || user.status === 'suspended') ? (
        <Section id="status" title={t('admin.user.statusTitle')}>
          <ActionButton
            action={userStatusAction}
            fields={{ userId: user.id, status: suspending ? 'suspended' : 'active' }}
            text={t(suspending ? 'admin.user.suspendText' : 'admin.user.reactivateText')}
            pendingLabel={t(suspending ? 'admin.user.suspending' : 'admin.user.reactivating')}
            variant={suspending ? 'danger' : 'primary'}
          >
            {t(suspending ? 'admin.user.suspend' : 'admin.user.reactivate', { name: user.name })}
          </ActionButton>
        </Section>
      ) : null}

      <Section id="warnings" title={t('discussions.moderation.warningsTitle')}>
        {user.suspendedUntil && user.status === 'suspended' ? (
          <p>
            {t('discussions.moderation.suspendedUntil', { until: format.dateTime(user.suspendedUntil, { dateStyle: 'medium', timeStyle: 'short' }) })}
          </p>
        ) : null}
        {warnings.items.length ? (
          <ul className="space-y-2">
            {warnings.items.map((w) => (
              <li key={w.id} className="rounded border border-slate-200 p-3 text-sm">
                <p dir="auto">{w.reason}</p>
                <p className="text-slate-600">
                  {t('discussions.moderation.warnedBy', {
                    name: w.moderatorName ?? t('common.formerMember'),
                    when: format.dateTime(w.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  })}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">{t('discussions.moderation.noWarnings')}</p>
        )}
        {!self && user.status === 'active' ? (
          <div className="flex flex-wrap items-start gap-6">
            <WarnForm userId={user.id} name={user.name} />
            <TemporarySuspensionForm userId={user.id} name={user.name} />
          </div>
        ) : null}
      </Section>

      {self ? null : (
        <Section id="delete" title={t('privacy.admin.title')}>
          {user.status === 'active' || user.status === 'suspended' ? (
            <ActionButton
              action={deleteAccountAction}
              fields={{ userId: user.id }}
              text={t('privacy.admin.accountText')}
              pendingLabel={t('privacy.admin.deleting')}
              variant="danger"
            >
              {t('privacy.admin.deleteAccount', { name: user.name })}
            </ActionButton>
          ) : (
            <DeleteApplicationButton userId={user.id} variant="danger" />
          )}
        </Section>
      )}
    </div>
  );
}
