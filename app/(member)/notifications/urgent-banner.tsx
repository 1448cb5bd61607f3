import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import type { Viewer } from '@/lib/auth/viewer';
import { memberShellState } from '@/lib/dal/member-shell';
import { isolated } from '@/app/_components/bidi';

/** On every member page: urgent threads the viewer sees and has not opened since they were flagged. */
export async function UrgentBanner({ viewer }: { viewer: Viewer }) {
  const threads = (await memberShellState(viewer)).urgentThreads;
  if (!threads.length) return null;
  const t = await getTranslations('notify.urgent');
  return (
    <section aria-labelledby="urgent-banner" className="mb-6 space-y-2 rounded-lg border border-red-300 bg-red-50 p-4">
      <h2 id="urgent-banner" className="font-semibold text-red-900">
        {t('title', { count: threads.length })}
      </h2>
      <ul className="space-y-1">
        {threads.map((th) => (
          <li key={th.id} className="text-sm text-red-950">
            <Link href={`/threads/${th.id}`} className="font-semibold text-red-900" dir="auto" lang={th.language}>
              {th.title}
            </Link>{' '}
            <span className="text-red-900">{isolated(t, 'inSpace', { space: th.spaceName })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
