import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Pager } from '@/app/_components/list-controls';
import { requireAdmin } from '@/lib/auth/require';
import { countBlockedHashes, listBlockedHashes } from '@/lib/dal/console/blocklist';
import { quarantineSetting } from '@/lib/dal/console/quarantine';
import { ChoiceForm } from '@/app/_components/ui/action-forms';
import { quarantineModeAction } from './actions';
import { blocklistFiltersSchema } from '@/lib/validation/resources';
import { AddHashForm, ImportHashesForm, RemoveHashForm } from './forms';
import { isolated } from '@/app/_components/bidi';
import { PageHeader } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('blocklist'))('title') };
}

/** Hashes of files that can never be uploaded; a listed upload is refused, audited and reported to admins. */
export default async function BlocklistPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireAdmin();
  const { cursor } = blocklistFiltersSchema.parse(await searchParams);
  const [page, total, mode] = await Promise.all([listBlockedHashes(viewer, cursor), countBlockedHashes(viewer), quarantineSetting(viewer)]);
  const t = await getTranslations('blocklist');
  const format = await getFormatter();
  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} intro={t('intro')} />
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="add-hash" className="space-y-3">
          <h2 id="add-hash" className="text-lg font-semibold">
            {t('addTitle')}
          </h2>
          <AddHashForm />
        </section>
        <section aria-labelledby="import-hashes" className="space-y-3">
          <h2 id="import-hashes" className="text-lg font-semibold">
            {t('importTitle')}
          </h2>
          <ImportHashesForm />
        </section>
      </div>
      <section aria-labelledby="quarantine" className="max-w-2xl space-y-3">
        <h2 id="quarantine" className="text-lg font-semibold">
          {t('quarantine.title')}
        </h2>
        <p className="text-sm text-slate-700">{t('quarantine.intro')}</p>
        <ChoiceForm
          action={quarantineModeAction}
          fields={{}}
          name="mode"
          label={t('quarantine.label')}
          submit={t('quarantine.save')}
          defaultValue={mode}
          options={[
            { value: 'discard', label: t('quarantine.discard') },
            { value: 'keep', label: t('quarantine.keep') },
          ]}
        />
      </section>
      <section aria-labelledby="listed" className="space-y-3">
        <h2 id="listed" className="text-lg font-semibold">
          {t('listed', { count: total })}
        </h2>
        {page.items.length ? (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {page.items.map((row) => (
              <li key={row.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3">
                <div className="min-w-0 space-y-1 text-sm">
                  <p className="font-mono break-all">
                    <span className="me-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold uppercase">{row.algorithm}</span>
                    {row.hash}
                  </p>
                  <p className="text-slate-600" dir="auto">
                    {isolated(t, 'addedBy', { name: row.addedByName ?? '—', date: format.dateTime(row.createdAt, { dateStyle: 'medium' }) })}
                    {row.note ? <> · {row.note}</> : null}
                  </p>
                </div>
                <RemoveHashForm id={row.id} hash={row.hash} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">{t('empty')}</p>
        )}
        <Pager path="/admin/blocklist" params={{}} previous={page.previous} next={page.next} />
      </section>
    </div>
  );
}
