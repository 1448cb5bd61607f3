import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/require';
import { listOwnSessions } from '@/lib/auth/sessions';
import { describeDevice } from '@/lib/user-agent';
import { ChangePasswordForm } from './forms';
import { SessionsPanel } from './sessions-panel';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('securityTitle') };
}

export default async function SecurityPage() {
  const viewer = await requireViewer();
  const t = await getTranslations('settings');
  const format = await getFormatter();
  const sessions = await listOwnSessions(viewer);
  return (
    <div className="max-w-3xl space-y-10">
      <h1 className="text-2xl font-bold text-brand-900">{t('securityTitle')}</h1>
      <section aria-labelledby="sessions" className="space-y-4">
        <div>
          <h2 id="sessions" className="text-lg font-semibold">{t('sessionsTitle')}</h2>
          <p className="text-slate-700">{t('sessionsText')}</p>
        </div>
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
                    {s.current ? <span className="ms-2 rounded bg-emerald-100 px-2 py-0.5 text-xs text-emerald-900">{t('thisDevice')}</span> : null}
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
      </section>
      <section aria-labelledby="password" className="space-y-4">
        <div>
          <h2 id="password" className="text-lg font-semibold">{t('passwordTitle')}</h2>
          <p className="text-slate-700">{t('passwordText')}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          <ChangePasswordForm />
        </div>
      </section>
    </div>
  );
}
