import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { buttonClass } from '@/app/_components/ui/button';
import { requireViewer } from '@/lib/auth/require';
import { latestOwnExport } from '@/lib/dal/privacy/exports';
import { requestExportAction } from './actions';
import { DeleteAccountForm } from './delete-form';
import { PageHeader } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('privacy'))('title') };
}

/** A member's own data: a copy to download (built by a job, kept 24 h) and the deletion of the account. */
export default async function DataPage() {
  const viewer = await requireViewer();
  const t = await getTranslations('privacy');
  const format = await getFormatter();
  const latest = await latestOwnExport(viewer);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const pending = latest?.status === 'queued' || latest?.status === 'building';
  return (
    <div className="max-w-3xl space-y-10">
      <PageHeader title={t('title')} intro={t('intro')} wide />

      <section aria-labelledby="export" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="export" className="text-lg font-semibold">
          {t('export.title')}
        </h2>
        <p className="text-slate-700">{t('export.text')}</p>
        <p role="status" data-export-status={latest?.status ?? 'none'} className="rounded-md bg-slate-100 px-4 py-3 text-sm text-slate-800">
          {!latest
            ? t('export.none')
            : latest.status === 'ready' && latest.expiresAt
              ? t('export.ready', { until: when(latest.expiresAt) })
              : latest.status === 'queued' || latest.status === 'building'
                ? t(`export.${latest.status}`, { when: when(latest.requestedAt) })
                : t(`export.${latest.status}`)}
        </p>
        <div className="flex flex-wrap items-start gap-3">
          {latest?.status === 'ready' ? (
            <a href={`/api/exports/${latest.id}`} className={buttonClass('primary')} download>
              {t('export.download')}
            </a>
          ) : null}
          {pending ? (
            <Link href="/settings/data" className={buttonClass('secondary')}>
              {t('export.refresh')}
            </Link>
          ) : (
            <ActionButton action={requestExportAction} fields={{ scope: 'export' }} pendingLabel={t('export.requesting')}>
              {t('export.request')}
            </ActionButton>
          )}
        </div>
      </section>

      <section aria-labelledby="delete" className="space-y-4 rounded-lg border border-red-200 bg-white p-6">
        <h2 id="delete" className="text-lg font-semibold text-red-900">
          {t('delete.title')}
        </h2>
        <p className="text-slate-700">{t('delete.text')}</p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
