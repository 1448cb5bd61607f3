import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/require';
import { listOwnSessions } from '@/lib/auth/sessions';
import { describeDevice } from '@/lib/user-agent';
import { ChangePasswordForm } from './forms';
import { ChangeEmailForm } from './email-form';
import { SessionsPanel } from './sessions-panel';
import { Badge } from '@/app/_components/ui/badge';
import Link from '@/app/_components/link';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { buttonClass } from '@/app/_components/ui/button';
import { listFactors, mustHaveSecondFactor, recoveryCodesLeft } from '@/lib/auth/second-factor';
import { removeFactorAction } from './actions';
import { RegenerateRecoveryCodesForm } from './second-factor-forms';
import { isolated } from '@/app/_components/bidi';
import { RegisterKeyForm } from '@/app/_components/security-key';
import { EmptyNote, Section } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('securityTitle') };
}

export default async function SecurityPage() {
  const viewer = await requireViewer();
  const t = await getTranslations('settings');
  const format = await getFormatter();
  const sessions = await listOwnSessions(viewer);
  const [factors, codesLeft, required] = await Promise.all([listFactors(viewer.id), recoveryCodesLeft(viewer.id), mustHaveSecondFactor(viewer)]);
  const tSecurity = await getTranslations('security');
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  return (
    <div className="max-w-3xl space-y-10">
      <h1 className="text-2xl font-bold text-brand-900">{t('securityTitle')}</h1>
      <Section id="sessions" title={t('sessionsTitle')} intro={t('sessionsText')}>
        <SessionsPanel
          rows={sessions.map((s) => {
            const device = describeDevice(s.userAgent) ?? t('unknownDevice');
            const lastSeen = format.relativeTime(s.lastSeenAt);
            return {
              key: s.key,
              current: s.current,
              endLabel: t('endLabel', { device, when: lastSeen }),
              details: (
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-slate-600">{t('device')}</dt>
                  <dd className="font-medium">
                    {device}
                    {s.current ? (
                      <Badge tone="success" className="ms-2">
                        {t('thisDevice')}
                      </Badge>
                    ) : null}
                  </dd>
                  <dt className="text-slate-600">{t('ip')}</dt>
                  <dd>{s.ip ?? '—'}</dd>
                  <dt className="text-slate-600">{t('signedIn')}</dt>
                  <dd>{format.dateTime(s.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
                  <dt className="text-slate-600">{t('lastSeen')}</dt>
                  <dd>{lastSeen}</dd>
                </dl>
              ),
            };
          })}
        />
      </Section>
      <Section id="second-factors" title={tSecurity('factors.title')} intro={tSecurity(required ? 'factors.textRequired' : 'factors.text')}>
        {factors.length ? (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {factors.map((f) => (
              <li key={f.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-medium" dir="auto">
                    {f.name}
                  </p>
                  <p className="text-sm text-slate-600">
                    {tSecurity('factors.details', {
                      kind: tSecurity(`factors.kinds.${f.kind}`),
                      added: when(f.createdAt),
                      used: f.lastUsedAt ? format.relativeTime(f.lastUsedAt) : tSecurity('factors.neverUsed'),
                    })}
                  </p>
                </div>
                <ActionButton action={removeFactorAction} fields={{ id: f.id }} pendingLabel={tSecurity('factors.removing')} variant="secondary">
                  <span aria-hidden>{tSecurity('factors.remove')}</span>
                  <span className="sr-only">{tSecurity('factors.removeLabel', { name: f.name })}</span>
                </ActionButton>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyNote>{tSecurity('factors.none')}</EmptyNote>
        )}
        <Link href="/settings/security/enrol" className={buttonClass('primary')}>
          {tSecurity('factors.addApp')}
        </Link>
      </Section>
      <Section id="security-keys" title={tSecurity('keys.title')} intro={tSecurity('keys.text')} boxed>
        <RegisterKeyForm next="/settings/security" />
      </Section>
      <Section id="recovery" title={tSecurity('recovery.title')} intro={tSecurity('recovery.text')}>
        {factors.length ? (
          <>
            <p className="font-medium">{tSecurity('recovery.left', { count: codesLeft })}</p>
            <RegenerateRecoveryCodesForm />
          </>
        ) : (
          <EmptyNote>{tSecurity('recovery.none')}</EmptyNote>
        )}
      </Section>
      <Section id="password" title={t('passwordTitle')} intro={t('passwordText')} boxed>
        <ChangePasswordForm />
      </Section>
      <Section id="email" title={t('emailTitle')} intro={isolated(t, 'emailText', { email: viewer.email })} boxed>
        <ChangeEmailForm />
      </Section>
    </div>
  );
}
