import Link from '@/app/_components/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { LanguageLabel } from '@/app/_components/language-label';
import { TlpLabel } from '@/app/_components/tlp-label';
import type { Viewer } from '@/lib/auth/viewer';
import { listUrgentThreads } from '@/lib/dal/discussions/threads';
import { isolated } from '@/app/_components/bidi';
import { Badge } from '@/app/_components/ui/badge';
import { authorNames } from '@/app/_components/chatham';

/** Urgent threads in the spaces the viewer sees, at the top of /home. */
export async function UrgentThreads({ viewer }: { viewer: Viewer }) {
  const threads = await listUrgentThreads(viewer, 5);
  const [t, format, locale, authorName] = await Promise.all([getTranslations('discussions'), getFormatter(), getLocale(), authorNames()]);
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
              <Link href={`/threads/${th.id}`} className="font-semibold" dir="auto" lang={th.language}>
                {th.title}
              </Link>
              <TlpLabel marking={th.marking} />
              {th.language !== locale ? <LanguageLabel language={th.language} /> : null}
              {th.unread === null ? (
                <Badge tone="success">{t('space.new')}</Badge>
              ) : th.unread > 0 ? (
                <Badge tone="success">{t('space.unread', { count: th.unread })}</Badge>
              ) : null}
            </p>
            {th.urgentReason ? (
              <p className="text-sm text-red-900" dir="auto" lang={th.language}>
                {th.urgentReason}
              </p>
            ) : null}
            <p className="text-xs text-slate-600">
              {isolated(t, 'home.urgentMeta', {
                space: th.spaceName,
                name: authorName(th),
                when: th.urgentAt ? format.relativeTime(th.urgentAt) : '',
              })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
