import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Cooked } from '@/app/_components/cooked';
import { ResourceCards } from '@/app/_components/resource-cards';
import type { PostView } from '@/lib/dal/discussions/posts';
import { deletePostAction } from '../actions';
import { HidePostForm, RestorePostButton } from '@/app/_components/moderation-tools';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { isolated } from '@/app/_components/bidi';
import { authorNames } from '@/app/_components/chatham';
import { chathamLabelText } from '@/lib/i18n/chatham-label';

/** One post of a thread: author, time, "edited" marker, cooked body (or its placeholder) and its actions. */
export async function PostItem({ post, threadId, moderator, canReply }: { post: PostView; threadId: string; moderator: boolean; canReply: boolean }) {
  const t = await getTranslations('discussions');
  const locale = await getLocale();
  const [authorName, format, tc] = await Promise.all([authorNames(), getFormatter(), getTranslations('discussions.chatham')]);
  const name = authorName(post);
  const headingId = `post-${post.number}-by`;
  const base = `/threads/${threadId}/posts/${post.id}`;
  const visible = post.cooked !== null;
  return (
    <li>
      <article id={`post-${post.number}`} aria-labelledby={headingId} className="card scroll-mt-4">
        <header className="post-head">
          <h3 id={headingId} className="text-sm">
            <span className="sr-only">{t('thread.postBy', { number: post.number, name })}</span>
            <span aria-hidden>
              <span className="font-semibold" dir="auto">
                {name}
              </span>{' '}
              {post.chathamAuthor && post.isOwn ? (
                <span className="text-slate-600">{isolated(tc, 'youAs', { label: chathamLabelText(locale, post.chathamAuthor) })}</span>
              ) : !post.authorName ? null : post.authorFormerMember ? (
                <span className="text-slate-600">
                  {isolated(t, 'thread.formerMemberOrganisation', { organisation: post.authorOrganisation ?? '' })}
                </span>
              ) : (
                <span className="text-slate-600" dir="auto">
                  {post.authorOrganisation}
                </span>
              )}
            </span>
          </h3>
          <p className="text-xs text-slate-600">
            <a href={`#post-${post.number}`} className="text-slate-600">
              <span className="sr-only">{t('thread.permalink', { number: post.number })}</span>
              <span aria-hidden>#{post.number}</span>
            </a>{' '}
            · <time dateTime={post.createdAt.toISOString()}>{format.dateTime(post.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
            {post.editedAt && !post.deleted ? (
              <>
                {' '}
                · <span title={format.dateTime(post.editedAt, { dateStyle: 'medium', timeStyle: 'short' })}>{t('badges.edited')}</span>
              </>
            ) : null}
          </p>
        </header>
        <div className="py-3">
          {post.deleted ? (
            <p className="text-slate-600 italic">{t('thread.removed')}</p>
          ) : post.hidden && !visible ? (
            <p className="text-slate-600 italic">
              {post.hiddenReason ? isolated(t, 'thread.hiddenReason', { reason: post.hiddenReason }) : t('thread.hiddenPlaceholder')}
            </p>
          ) : (
            <>
              {post.hidden ? (
                <p className="mb-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">
                  {isolated(t, 'moderation.hiddenNow', { reason: post.hiddenReason ?? '' })}
                </p>
              ) : null}
              <Cooked html={post.cooked!} />
              {post.resourceCards?.length ? <ResourceCards cards={post.resourceCards} /> : null}
            </>
          )}
        </div>
        {!post.deleted ? (
          <div role="group" aria-label={t('thread.actionsFor', { number: post.number })} className="post-actions">
            {visible && canReply ? <Link href={`/threads/${threadId}?quote=${post.id}#reply`}>{t('thread.quote')}</Link> : null}
            {post.isOwn && !post.hidden ? <Link href={`${base}/edit`}>{t('thread.edit')}</Link> : null}
            {!post.isOwn && visible ? <Link href={`${base}/report`}>{t('thread.report')}</Link> : null}
            {moderator && post.editedAt ? <Link href={`${base}/history`}>{t('thread.history')}</Link> : null}
            {post.isOwn ? (
              <details>
                <summary className="cursor-pointer text-red-800">{t('thread.delete')}</summary>
                <div className="mt-2 space-y-2">
                  <p>{t('thread.deleteConfirm')}</p>
                  <ActionButton action={deletePostAction} fields={{ postId: post.id }} variant="danger" pendingLabel={t('thread.delete')}>
                    {t('thread.delete')}
                  </ActionButton>
                </div>
              </details>
            ) : null}
            {moderator ? (
              post.hidden ? (
                <RestorePostButton postId={post.id} />
              ) : (
                <details>
                  <summary className="cursor-pointer">{t('moderation.hide')}</summary>
                  <div className="mt-2">
                    <HidePostForm postId={post.id} />
                  </div>
                </details>
              )
            ) : null}
          </div>
        ) : null}
      </article>
    </li>
  );
}
