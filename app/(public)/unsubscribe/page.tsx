import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/alert';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { readUnsubscribeToken } from '@/lib/dal/notifications/unsubscribe';
import { unsubscribeAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notify.unsubscribe'))('title') };
}

/**
 * Where the "Stop these emails" link of a notification email leads. Opening it changes nothing (mail
 * scanners open links); the button does. Mail clients use /api/unsubscribe (one click, RFC 8058).
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const t = await getTranslations('notify.unsubscribe');
  const read = typeof token === 'string' && token.length <= 200 ? readUnsubscribeToken(token) : null;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {read ? (
          <ActionButton
            action={unsubscribeAction}
            fields={{ token: token as string }}
            text={t('confirm', { kind: read.kind })}
            pendingLabel={t('saving')}
            variant="primary"
          >
            {t('submit')}
          </ActionButton>
        ) : (
          <Alert tone="warning">{t('invalid')}</Alert>
        )}
      </div>
      <p className="text-sm text-slate-700">{t('preferences')}</p>
    </div>
  );
}
