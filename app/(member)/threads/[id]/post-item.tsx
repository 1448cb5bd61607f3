import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { PostView } from '@/lib/dal/posts';
import { deletePostAction } from '../actions';
import { ActionButton, ReasonForm } from '../_components/forms';
import { hidePostAction, restorePostAction } from '../moderation-actions';

/** One post of a thread: author, time, "edited" marker, cooked body (or its placeholder) and its actions. */
export async function PostItem({ post, threadId, moderator, canReply }: { post: PostView; threadId: string; moderator: boolean; canReply: boolean }) {
  const t = await getTranslations('discussions');
  const format = await getFormatter();
  const headingId = `post-${post.number}-by`;
  const base = `/threads/${threadId}/posts/${post.id}`;
  const visible = post.cooked !== null;
  return (
    <li>
      <article id={`post-${post.number}`} aria-labelledby={headingId} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-b border-slate-100 pb-2">
          <h3 id={headingId} className="text-sm">
            <span className="sr-only">{t('thread.postBy', { number: post.number, name: post.authorName })}</span>
            <span aria-hidden>
              <span className="font-semibold" dir="auto">
                {post.authorName}
              </span>{' '}
              <span className="text-slate-600" dir="auto">
                {post.authorOrganisation}
              </span>
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
            <p className="text-slate-600 italic">{post.hiddenReason ? t('thread.hiddenReason', { reason: post.hiddenReason }) : t('thread.hiddenPlaceholder')}</p>
          ) : (
            <>
              {post.hidden ? (
                <p className="mb-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">{t('moderation.hiddenNow', { reason: post.hiddenReason ?? '' })}</p>
              ) : null}
              <div className="cooked" dir="auto" dangerouslySetInnerHTML={{ __html: post.cooked! }} />
            </>
          )}
        </div>
        {!post.deleted ? (
          <div role="group" aria-label={t('thread.actionsFor', { number: post.number })} className="flex flex-wrap items-start gap-x-4 gap-y-2 border-t border-slate-100 pt-2 text-sm">
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
                <ActionButton action={restorePostAction} fields={{ postId: post.id }} pendingLabel={t('moderation.restore')}>
                  {t('moderation.restore')}
                </ActionButton>
              ) : (
                <details>
                  <summary className="cursor-pointer">{t('moderation.hide')}</summary>
                  <div className="mt-2 w-72 max-w-full">
                    <ReasonForm
                      action={hidePostAction}
                      fields={{ postId: post.id }}
                      name="reason"
                      label={t('moderation.hideReason')}
                      submit={t('moderation.hide')}
                      pendingLabel={t('moderation.hide')}
                      variant="danger"
                      maxLength={300}
                    />
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
