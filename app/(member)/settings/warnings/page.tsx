import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Pager } from '@/app/_components/list-controls';
import { PageHeader } from '@/app/_components/ui/section';
import { requireViewer } from '@/lib/auth/require';
import { listOwnWarnings } from '@/lib/dal/moderation/members';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('discussions.warnings'))('title') };
}

/** A member's own formal warnings from the moderators, newest first, with their reasons (decision 029). */
export default async function WarningsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const raw = await searchParams;
  const page = await listOwnWarnings(viewer, typeof raw.cursor === 'string' ? raw.cursor.slice(0, 400) : undefined);
  const t = await getTranslations('discussions.warnings');
  const format = await getFormatter();
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} wide />
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t('none')}</p>
      ) : (
        <ul className="space-y-3">
          {page.items.map((w) => (
            <li key={w.id} className="rounded-lg border border-amber-200 bg-amber-50 p-4">
              <p className="text-sm text-amber-900">
                <time dateTime={w.createdAt.toISOString()}>{format.dateTime(w.createdAt, { dateStyle: 'long', timeStyle: 'short' })}</time>
              </p>
              <p className="mt-1 font-medium" dir="auto">
                {w.reason}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-slate-700">{t.rich('guidelines', { link: (chunks) => <Link href="/guidelines">{chunks}</Link> })}</p>
      {page ? <Pager path="/settings/warnings" params={{}} previous={page.previous} next={page.next} /> : null}
    </div>
  );
}
