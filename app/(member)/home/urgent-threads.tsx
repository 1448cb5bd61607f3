import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { Viewer } from '@/lib/auth/viewer';
import { listUrgentThreads } from '@/lib/dal/threads';

/** Urgent threads in the spaces the viewer sees, at the top of /home. */
export async function UrgentThreads({ viewer }: { viewer: Viewer }) {
  const threads = await listUrgentThreads(viewer, 5);
  const t = await getTranslations('discussions');
  const format = await getFormatter();
  return (
    <section aria-labelledby="urgent-threads" className="space-y-3 rounded-lg border border-red-200 bg-white p-5">
      <h2 id="urgent-threads" className="font-semibold text-red-900">
        {t('home.urgentTitle')}
      </h2>
      {threads.length === 0 ? <p className="text-slate-700">{t('home.urgentEmpty')}</p> : null}
      <ul className="space-y-3">
        {threads.map((th) => (
          <li key={th.id} className="space-y-0.5">
            <p className="flex flex-wrap items-center gap-2">
              <Link href={`/threads/${th.id}`} className="font-semibold" dir="auto">
                {th.title}
              </Link>
              {th.unread === null ? (
                <span className="rounded bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">{t('space.new')}</span>
              ) : th.unread > 0 ? (
                <span className="rounded bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">{t('space.unread', { count: th.unread })}</span>
              ) : null}
            </p>
            {th.urgentReason ? (
              <p className="text-sm text-red-900" dir="auto">
                {th.urgentReason}
              </p>
            ) : null}
            <p className="text-xs text-slate-600">
              {t('home.urgentMeta', { space: th.spaceName, name: th.authorName, when: th.urgentAt ? format.relativeTime(th.urgentAt) : '' })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
