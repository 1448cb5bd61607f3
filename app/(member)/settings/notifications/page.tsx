import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { ChoiceForm } from '@/app/_components/ui/action-forms';
import { requireViewer } from '@/lib/auth/require';
import { getNotificationPreferences, listFollowedSpaces } from '@/lib/dal/notifications/preferences';
import { SPACE_FOLLOW_MODES } from '@/lib/validation/notifications';
import { setSpaceModeAction } from './actions';
import { NotificationPreferencesForm } from './preferences-form';
import { PageHeader } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notify.settings'))('title') };
}

export default async function NotificationSettingsPage() {
  const viewer = await requireViewer();
  const t = await getTranslations('notify.settings');
  const [preferences, followed] = await Promise.all([getNotificationPreferences(viewer), listFollowedSpaces(viewer)]);
  const modes = SPACE_FOLLOW_MODES.map((mode) => ({ value: mode, label: t(`modes.${mode}`) }));
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} wide />
      <section aria-labelledby="mailbox-note" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
        <h2 id="mailbox-note" className="font-semibold text-slate-900">
          {t('mailboxTitle')}
        </h2>
        <p className="text-sm text-slate-800">{t('mailboxNote')}</p>
      </section>
      <section aria-labelledby="kinds" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="kinds" className="text-lg font-semibold text-slate-900">
          {t('kindsTitle')}
        </h2>
        <NotificationPreferencesForm
          channels={preferences.channels}
          excerpts={preferences.excerpts}
          digests={preferences.digests}
          pausedUntil={preferences.pausedUntilDay ?? ''}
          digestHour={preferences.digestHour}
          timeZone={viewer.timeZone}
        />
      </section>
      <section aria-labelledby="spaces" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="spaces" className="text-lg font-semibold text-slate-900">
          {t('spacesTitle')}
        </h2>
        <p className="text-sm text-slate-700">{t('spacesIntro')}</p>
        {followed.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-4 text-center">
            {t.rich('noSpaces', { link: (chunks) => <Link href="/spaces">{chunks}</Link> })}
          </p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {followed.map((space) => (
              <li key={space.id} className="py-3">
                <ChoiceForm
                  action={setSpaceModeAction}
                  fields={{ spaceId: space.id }}
                  name="mode"
                  label={space.name}
                  submit={t('saveSpace')}
                  options={modes}
                  defaultValue={space.mode}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
