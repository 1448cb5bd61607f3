import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Cooked } from '@/app/_components/cooked';
import { listRevisions } from '@/lib/dal/discussions/posts';
import { isModerator } from '@/lib/dal/roles';
import { loadPost } from '../load';
import { pageNotFound } from '@/lib/pages';

type Props = { params: Promise<{ id: string; postId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('discussions.thread'))('history') };
}

/** Earlier versions of an edited post: moderators only (404 for everyone else). */
export default async function PostHistoryPage({ params }: Props) {
  const { viewer, thread, post, backHref } = await loadPost(params);
  if (!isModerator(viewer)) await pageNotFound('moderator');
  const revisions = await listRevisions(viewer, post.id);
  const t = await getTranslations('discussions.thread');
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href={backHref} dir="auto">
          {thread.title}
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-brand-900">{t('historyTitle', { number: post.number })}</h1>
      {revisions.length === 0 ? <p>{t('historyEmpty')}</p> : null}
      <ol className="space-y-4">
        {revisions.map((r) => (
          <li key={r.id} className="card">
            <p className="mb-2 text-sm text-slate-600">{t('version', { when: when(r.writtenAt), replaced: when(r.replacedAt) })}</p>
            <Cooked html={r.cooked} />
          </li>
        ))}
      </ol>
    </div>
  );
}
