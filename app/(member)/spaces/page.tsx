import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/require';
import { listSpaces } from '@/lib/dal/discussions/spaces';
import { PageHeader } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('discussions.spaces'))('title') };
}

export default async function SpacesPage() {
  const viewer = await requireViewer();
  const spaces = await listSpaces(viewer);
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <PageHeader title={t('discussions.spaces.title')} intro={t('discussions.spaces.intro')} />
      {spaces.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t('discussions.spaces.empty')}</p>
      ) : null}
      <ul className="grid gap-4 md:grid-cols-2">
        {spaces.map((s) => (
          <li key={s.id} className={`space-y-2 rounded-lg border bg-white p-5 ${s.archived ? 'border-dashed border-slate-300' : 'border-slate-200'}`}>
            <h2 className="text-lg font-semibold">
              <Link href={`/spaces/${s.slug}`} dir="auto">
                {s.name}
              </Link>
            </h2>
            <p className="flex flex-wrap gap-2 text-xs">
              <span className="rounded bg-slate-100 px-2 py-0.5 font-semibold text-slate-800">{t(`discussions.access.${s.access}`)}</span>
              {s.archived ? <span className="rounded bg-slate-200 px-2 py-0.5 font-semibold">{t('discussions.spaces.archived')}</span> : null}
              {s.chathamHouse ? (
                <span className="rounded bg-sky-100 px-2 py-0.5 font-semibold text-sky-950">{t('discussions.chatham.badge')}</span>
              ) : null}
            </p>
            {s.access === 'sector' ? (
              <p className="text-sm text-slate-600">
                {t('discussions.spaces.sectors', { sectors: s.sectors.map((x) => t(`common.sectors.${x}`)).join(', ') })}
              </p>
            ) : null}
            {s.description ? (
              <p className="text-slate-700" dir="auto">
                {s.description}
              </p>
            ) : null}
            {s.canRead ? (
              <p className="text-sm text-slate-600">
                {t('discussions.spaces.threads', { count: s.threadCount })}
                {s.lastActivityAt ? ` · ${t('discussions.spaces.lastActivity', { when: format.relativeTime(s.lastActivityAt) })}` : null}
              </p>
            ) : s.pendingRequest ? (
              <p className="text-sm text-slate-700">{t('discussions.spaces.requestPending')}</p>
            ) : (
              <p className="text-sm">
                <Link href={`/spaces/${s.slug}#join`}>{t('discussions.spaces.askToJoin')}</Link>
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
