import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Cooked } from '@/app/_components/cooked';
import { Pager } from '../_components/list';
import { HidePostForm, ResolveReportButton, RestorePostButton, ThreadModerationButtons } from '@/app/_components/moderation-tools';
import { requireViewer } from '@/lib/auth/require';
import { listOpenReports } from '@/lib/dal/discussions/moderation';
import { pageOfPost } from '@/lib/dal/discussions/posts';
import { listReadableSpaces } from '@/lib/dal/discussions/spaces';
import { isModerator } from '@/lib/dal/roles';
import { isolated } from '@/app/_components/bidi';
import { formerMemberNames } from '@/app/_components/former-member';
import { pageNotFound } from '@/lib/pages';
import { PageHeader } from '@/app/_components/ui/section';
import { MessageReports } from './message-reports';
import { authorNames } from '@/app/_components/chatham';
import { ReasonForm } from '@/app/_components/ui/action-forms';
import { revealAuthorAction } from './reveal-action';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('discussions.moderation'))('title') };
}

/** Open reports for moderators and admins (404 for everyone else). */
export default async function ModerationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  if (!isModerator(viewer)) await pageNotFound('moderator');
  const raw = await searchParams;
  const cursor = typeof raw.cursor === 'string' ? raw.cursor.slice(0, 400) : undefined;
  const [page, spaces] = await Promise.all([listOpenReports(viewer, cursor), listReadableSpaces(viewer)]);
  const t = await getTranslations('discussions.moderation');
  const named = await formerMemberNames();
  const authorName = await authorNames();
  const tAdmin = await getTranslations('discussions.admin');
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      {page.items.length === 0 ? <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t('empty')}</p> : null}
      <ul className="space-y-4">
        {page.items.map((r) => (
          <li key={r.id}>
            <article aria-labelledby={`report-${r.id}`} className="card space-y-3">
              <h2 id={`report-${r.id}`} className="font-semibold">
                <Link href={`/threads/${r.threadId}?page=${pageOfPost(r.postNumber)}#post-${r.postNumber}`}>
                  {t.rich('post', {
                    number: r.postNumber,
                    name: authorName(r),
                    title: r.threadTitle,
                    space: r.spaceName,
                    b: (chunks) => <bdi>{chunks}</bdi>,
                  })}
                </Link>
              </h2>
              <p className="text-sm text-slate-700">
                {t.rich('reportedBy', {
                  name: named(r.reporterName),
                  when: format.dateTime(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  reason: r.reason,
                  b: (chunks) => <bdi className="font-medium">{chunks}</bdi>,
                })}
              </p>
              {r.postHidden ? (
                <p className="rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">
                  {isolated(t, 'hiddenNow', { reason: r.postHiddenReason ?? '' })}
                </p>
              ) : null}
              {r.postDeleted ? <p className="rounded bg-slate-100 px-2 py-1 text-sm">{t('deletedNow')}</p> : null}
              {r.chathamAuthor ? (
                <details className="rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950">
                  <summary className="cursor-pointer">{isolated(t, 'chathamPost', { label: authorName(r) })}</summary>
                  <div className="mt-2 space-y-2">
                    <p>{tAdmin('revealText')}</p>
                    <ReasonForm
                      action={revealAuthorAction}
                      fields={{ reportId: r.id }}
                      name="reason"
                      label={tAdmin('revealReason')}
                      submit={tAdmin('reveal')}
                      pendingLabel={tAdmin('revealing')}
                      maxLength={300}
                    />
                  </div>
                </details>
              ) : null}
              <Cooked html={r.postCooked} className="max-h-64 overflow-auto rounded border border-slate-100 bg-slate-50 p-3" />
              <div className="flex flex-wrap items-start gap-3">
                {r.postHidden ? <RestorePostButton postId={r.postId} /> : <HidePostForm postId={r.postId} />}
                <ThreadModerationButtons
                  threadId={r.threadId}
                  locked={r.threadLocked}
                  pinned={r.threadPinned}
                  spaces={spaces.filter((s) => s.id !== r.spaceId && !s.archived)}
                />
                <ResolveReportButton reportId={r.id} />
              </div>
            </article>
          </li>
        ))}
      </ul>
      {page ? <Pager path="/admin/moderation" params={{}} previous={page.previous} next={page.next} /> : null}
      <MessageReports viewer={viewer} cursor={typeof raw.messages === 'string' ? raw.messages.slice(0, 400) : undefined} />
    </div>
  );
}
