import type { Metadata } from 'next';
import { ReportControl } from '@/app/_components/moderation-tools';
import { AreaMessages } from '@/app/_components/area-messages';
import Link from '@/app/_components/link';
import { after } from 'next/server';
import { getFormatter, getTranslations } from 'next-intl/server';
import { LanguageLabel } from '@/app/_components/language-label';
import { requireViewer } from '@/lib/auth/require';
import { quoteMarkdown } from '@/lib/dal/discussions/mentions';
import { markThreadNotificationsRead } from '@/lib/dal/notifications/notifications';
import { alertedCount } from '@/lib/dal/notifications/urgent';
import { getPostSource, listPosts, pageOfPost } from '@/lib/dal/discussions/posts';
import { listReadableSpaces } from '@/lib/dal/discussions/spaces';
import { isModerator } from '@/lib/dal/roles';
import { getThread, markThreadRead } from '@/lib/dal/discussions/threads';
import { visibleOr404 } from '@/lib/pages';
import { POSTS_PER_PAGE, threadPageSchema } from '@/lib/validation/discussions';
import { ReplyForm } from '../_components/reply-form';
import { ThreadBadges } from '../_components/badges';
import { NewReplies } from './new-replies';
import { PostItem } from './post-item';
import { PostList } from './post';
import { ThreadTools } from './thread-tools';
import { ThreadMarkingForm } from './marking';
import { TlpLabel } from '@/app/_components/tlp-label';
import { threadMarkingAudience } from '@/lib/dal/discussions/markings';
import { quoteAllowed, tlpLabel } from '@/lib/tlp';
import { isolated } from '@/app/_components/bidi';
import { authorNames, ChathamBanner } from '@/app/_components/chatham';
import { formerMemberNames } from '@/app/_components/former-member';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(id: string) {
  const viewer = await requireViewer();
  return { viewer, thread: await visibleOr404(getThread(viewer, id)) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { thread } = await load((await params).id);
  return { title: thread.title };
}

export default async function ThreadPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { viewer, thread } = await load(id);
  const query = threadPageSchema.parse(await searchParams);
  const t = await getTranslations('discussions');
  const authorName = await authorNames();
  const named = await formerMemberNames();
  const format = await getFormatter();
  const pages = Math.max(1, Math.ceil(thread.postCount / POSTS_PER_PAGE));
  const page = Math.min(query.page ?? 1, pages);
  const moderator = isModerator(viewer);
  const canReply = !thread.spaceArchived && (!thread.isLocked || moderator);
  const canMark = moderator || thread.authorId === viewer.id;
  const [posts, quote, spaces, alerted, audience] = await Promise.all([
    listPosts(viewer, thread.id, page),
    query.quote && canReply ? getPostSource(viewer, query.quote).catch(() => null) : null,
    moderator ? listReadableSpaces(viewer) : [],
    alertedCount(viewer, thread),
    thread.marking === 'clear' || thread.marking === 'green' ? { organisations: [], people: [] } : threadMarkingAudience(viewer, thread.id),
  ]);
  const tTlp = await getTranslations('common.tlp');
  // Quoting never lowers a marking (decision 030): a post from another thread is quoted only when its marking allows.
  const quotable = quote && (quote.threadId === thread.id || quoteAllowed(quote.marking, thread.marking)) ? quote : null;
  const tu = await getTranslations('notify.urgent');
  const firstUnread = thread.lastReadNumber < thread.postCount ? thread.lastReadNumber + 1 : null;
  const lastShown = posts.at(-1)?.number ?? 0;
  // Read markers are written once the page has been sent, not before it is (issue 17).
  after(async () => {
    if (lastShown > thread.lastReadNumber) await markThreadRead(viewer, thread.id, lastShown);
    await markThreadNotificationsRead(viewer, thread.id);
  });

  // Links within the thread are relative to its own address (`?page=2`): 20 posts' worth of bytes on a page (issue 17).
  const pageLink = (p: number) => `?page=${p}`;
  const pager =
    pages > 1 ? (
      <nav aria-label={t('thread.pages')} className="flex flex-wrap items-center gap-1">
        {Array.from({ length: pages }, (_, i) => i + 1)
          .filter((p) => p === 1 || p === pages || Math.abs(p - page) <= 2)
          .map((p) => (
            <Link
              key={p}
              href={pageLink(p)}
              aria-current={p === page ? 'page' : undefined}
              aria-label={t('thread.page', { page: p })}
              className="page-number"
            >
              {p}
            </Link>
          ))}
      </nav>
    ) : null;

  return (
    <div className="space-y-6">
      <nav aria-label={t('nav.breadcrumb')} className="text-sm">
        <Link href="/spaces">{t('spaces.title')}</Link> <span aria-hidden>›</span>{' '}
        <Link href={`/spaces/${thread.spaceSlug}`} dir="auto">
          {thread.spaceName}
        </Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold break-words text-brand-900" dir="auto" lang={thread.language}>
          {thread.title}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <TlpLabel marking={thread.marking} describedBy="thread-marking-meaning" />
          <LanguageLabel language={thread.language} />
          <ThreadBadges isUrgent={thread.isUrgent} isPinned={thread.isPinned} isLocked={thread.isLocked} />
        </div>
        <p className="text-sm text-slate-600">
          {isolated(t, 'thread.started', {
            name: authorName({ ...thread, isOwn: thread.authorId === viewer.id }),
            when: format.dateTime(thread.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
          })}
          {pages > 1 ? ` · ${t('thread.pageOf', { page, pages })}` : null}
        </p>
        <p id="thread-marking-meaning" className="text-sm text-slate-600">
          {tTlp(`meaning.${thread.marking}`)}
          {audience.organisations.length ? ` ${tTlp('forOrganisations', { names: audience.organisations.map((o) => o.name).join(', ') })}` : null}
          {audience.people.length ? ` ${tTlp('forPeople', { names: audience.people.map((p) => named(p.name)).join(', ') })}` : null}
        </p>
        {quote && !quotable ? (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm" role="status">
            {tTlp('quoteRefused', { from: tlpLabel(quote.marking), to: tlpLabel(thread.marking) })}
          </p>
        ) : null}
        {thread.isUrgent && thread.urgentReason ? (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" dir="auto">
            {isolated(t, 'thread.urgentBecause', { reason: thread.urgentReason })}
          </p>
        ) : null}
        {alerted !== null ? (
          <p className="text-sm text-red-900" role="status">
            {tu('alerted', { count: alerted })}
          </p>
        ) : null}
        {thread.chathamHouse ? <ChathamBanner /> : null}
        {thread.isLocked ? <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">{t('thread.lockedNotice')}</p> : null}
        {thread.spaceArchived ? <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">{t('space.archivedNotice')}</p> : null}
      </header>
      {canMark ? (
        // The marking fields' words travel only to those who may change the marking (lib/i18n/messages.ts).
        <AreaMessages area="discussionsMarked">
          <ThreadMarkingForm
            threadId={thread.id}
            initial={{
              marking: thread.marking,
              organisations: audience.organisations,
              people: audience.people.filter((p) => p.id !== thread.authorId),
            }}
          />
        </AreaMessages>
      ) : null}
      <ThreadTools thread={thread} viewerId={viewer.id} moderator={moderator} spaces={spaces.filter((s) => s.id !== thread.spaceId && !s.archived)} />
      <ReportControl kind="thread" targetId={thread.id} />
      {firstUnread && thread.lastReadNumber > 0 ? (
        <p>
          <Link href={`${pageLink(pageOfPost(firstUnread))}#post-${firstUnread}`}>{t('thread.firstUnread')}</Link>
        </p>
      ) : null}
      <section aria-labelledby="posts-heading" className="space-y-3">
        <h2 id="posts-heading" className="sr-only">
          {t('thread.posts')}
        </h2>
        <PostList threadId={thread.id} canReply={canReply} moderator={moderator}>
          {posts.map((post) => (
            <PostItem key={post.number} post={post} moderator={moderator} />
          ))}
        </PostList>
        <NewReplies key={thread.postCount} threadId={thread.id} after={thread.postCount} page={page} perPage={POSTS_PER_PAGE} />
      </section>
      {pager}
      {canReply ? (
        <section id="reply" aria-labelledby="reply-heading" className="card scroll-mt-4 space-y-3">
          <h2 id="reply-heading" className="text-lg font-semibold">
            {t('editor.replyTitle')}
          </h2>
          <ReplyForm
            threadId={thread.id}
            spaceId={thread.spaceId}
            quote={quotable ? quoteMarkdown(authorName({ ...quotable, isOwn: false }), quotable.body) : undefined}
          />
        </section>
      ) : null}
    </div>
  );
}
