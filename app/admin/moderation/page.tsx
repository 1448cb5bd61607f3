import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Cooked } from '@/app/_components/cooked';
import { Pager } from '../_components/list';
import {
  DismissReportButton,
  HidePostForm,
  ResolveReportButton,
  RestorePostButton,
  TemporarySuspensionForm,
  ThreadModerationButtons,
  WarnForm,
} from '@/app/_components/moderation-tools';
import { breakReminderAction } from '@/app/_components/moderation-actions';
import { ChoiceForm } from '@/app/_components/ui/action-forms';
import { listOpenReports, type ReportItem } from '@/lib/dal/moderation/reports';
import { breakReminderMinutes } from '@/lib/dal/moderation/settings';
import { BREAK_REMINDER_CHOICES } from '@/lib/values';
import type { Viewer } from '@/lib/auth/sessions';
import { QueueTimer, RevealImage } from './wellbeing';
import { requireViewer } from '@/lib/auth/require';
import { pageOfPost } from '@/lib/dal/discussions/posts';
import { listReadableSpaces } from '@/lib/dal/discussions/spaces';
import { isModerator, mayModerateMember } from '@/lib/dal/roles';
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

type Translator = Awaited<ReturnType<typeof getTranslations<'discussions.moderation'>>>;
type Named = Awaited<ReturnType<typeof formerMemberNames>>;

/** Where a report's target is, and what it is called, per kind. */
type AuthorName = Awaited<ReturnType<typeof authorNames>>;

function TargetHeading({ r, t, named, authorName }: { r: ReportItem; t: Translator; named: Named; authorName: AuthorName }) {
  const b = (chunks: React.ReactNode) => <bdi>{chunks}</bdi>;
  if (r.kind === 'post' && r.postNumber !== null && r.threadId)
    return (
      <Link href={`/threads/${r.threadId}?page=${pageOfPost(r.postNumber)}#post-${r.postNumber}`}>
        {t.rich('post', { number: r.postNumber, name: authorName(r), title: r.threadTitle ?? '', space: r.spaceName ?? '', b })}
      </Link>
    );
  if (r.kind === 'thread' && r.threadId)
    return <Link href={`/threads/${r.threadId}`}>{t.rich('thread', { title: r.threadTitle ?? '', space: r.spaceName ?? '', b })}</Link>;
  if (r.kind === 'resource' && r.resourceId) {
    const text = t.rich('resource', { title: r.resourceTitle ?? '', b });
    return r.resourceVisible ? <Link href={`/resources/${r.resourceId}`}>{text}</Link> : <span>{text}</span>;
  }
  if (r.kind === 'person' && r.memberId)
    return <Link href={`/people/${r.memberId}`}>{t.rich('person', { name: named(r.memberName ?? ''), b })}</Link>;
  if (r.kind === 'organisation' && r.organisationSlug)
    return <Link href={`/organisations/${r.organisationSlug}`}>{t.rich('organisation', { name: r.organisationName ?? '', b })}</Link>;
  return <span>{t('gone')}</span>;
}

/** Warn or suspend the member answerable for the target: moderators act on members, admins on anyone but themselves. */
function mayActOn(viewer: Viewer, r: ReportItem): boolean {
  return !!r.memberId && r.memberStatus === 'active' && r.memberId !== viewer.id && mayModerateMember(viewer, r.memberRole);
}

/** Open reports for moderators and admins (404 for everyone else). */
export default async function ModerationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  if (!isModerator(viewer)) await pageNotFound('moderator');
  const raw = await searchParams;
  const cursor = typeof raw.cursor === 'string' ? raw.cursor.slice(0, 400) : undefined;
  const [page, spaces, breakMinutes] = await Promise.all([listOpenReports(viewer, cursor), listReadableSpaces(viewer), breakReminderMinutes(viewer)]);
  const t = await getTranslations('discussions.moderation');
  const tWellbeing = await getTranslations('discussions.wellbeing');
  const named = await formerMemberNames();
  const authorName = await authorNames();
  const tAdmin = await getTranslations('discussions.admin');
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <section aria-labelledby="wellbeing-title" className="card flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h2 id="wellbeing-title" className="font-semibold">
            {tWellbeing('title')}
          </h2>
          <p className="text-sm text-slate-700">{tWellbeing('intro')}</p>
          <QueueTimer breakMinutes={breakMinutes} />
        </div>
        <ChoiceForm
          action={breakReminderAction}
          fields={{}}
          name="minutes"
          label={tWellbeing('reminder')}
          submit={tWellbeing('save')}
          defaultValue={String(breakMinutes ?? 0)}
          options={BREAK_REMINDER_CHOICES.map((m) => ({
            value: m,
            label: m === '0' ? tWellbeing('noReminder') : tWellbeing('after', { minutes: Number(m) }),
          }))}
        />
      </section>
      {page.items.length === 0 ? <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t('empty')}</p> : null}
      <ul className="space-y-4">
        {page.items.map((r) => (
          <li key={r.id}>
            <article aria-labelledby={`report-${r.id}`} className="card space-y-3">
              <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{t(`kinds.${r.kind}`)}</p>
              <h2 id={`report-${r.id}`} className="font-semibold">
                <TargetHeading r={r} t={t} named={named} authorName={authorName} />
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
              {r.postCooked !== null ? (
                <Cooked html={r.postCooked} className="max-h-64 overflow-auto rounded border border-slate-100 bg-slate-50 p-3" />
              ) : null}
              {r.resourceImageFileId ? (
                <RevealImage src={`/api/files/${r.resourceImageFileId}`} alt={tWellbeing('imageOf', { title: r.resourceTitle! })} />
              ) : null}
              {r.organisationLogoFileId ? (
                <RevealImage src={`/api/files/${r.organisationLogoFileId}`} alt={tWellbeing('logoOf', { name: r.organisationName! })} />
              ) : null}
              <div className="flex flex-wrap items-start gap-3">
                {r.postId ? r.postHidden ? <RestorePostButton postId={r.postId} /> : <HidePostForm postId={r.postId} /> : null}
                {r.threadId ? (
                  <ThreadModerationButtons
                    threadId={r.threadId}
                    locked={r.threadLocked}
                    pinned={r.threadPinned}
                    spaces={spaces.filter((s) => s.id !== r.spaceId && !s.archived)}
                  />
                ) : null}
                <ResolveReportButton reportId={r.id} />
                <DismissReportButton reportId={r.id} />
              </div>
              {r.memberId && r.memberStatus === 'suspended' ? (
                <p className="rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">{t('memberSuspended', { name: named(r.memberName) })}</p>
              ) : null}
              {mayActOn(viewer, r) ? (
                <details className="rounded border border-slate-200 p-3">
                  <summary className="cursor-pointer font-medium">{t('memberTools', { name: named(r.memberName ?? '') })}</summary>
                  <div className="mt-3 flex flex-wrap items-start gap-6">
                    <WarnForm userId={r.memberId!} name={named(r.memberName ?? '')} reportId={r.id} />
                    <TemporarySuspensionForm userId={r.memberId!} name={named(r.memberName ?? '')} reportId={r.id} />
                  </div>
                </details>
              ) : null}
            </article>
          </li>
        ))}
      </ul>
      {page ? <Pager path="/admin/moderation" params={{}} previous={page.previous} next={page.next} /> : null}
      <MessageReports viewer={viewer} cursor={typeof raw.messages === 'string' ? raw.messages.slice(0, 400) : undefined} />
    </div>
  );
}
