'use client';

import Link from '@/app/_components/link';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { Cooked } from '@/app/_components/cooked';
import { isolated } from '@/app/_components/bidi';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { deletePostAction } from '../actions';

/** What stands beside the author's name: nothing, their organisation, a former member's, or (their own post under the Chatham House Rule) the label others see. */
export type PostAffiliation = { organisation: string; former?: boolean } | { youAs: string } | null;

/** The few values a post is drawn from (issue 17: the page's flight data carries these, not the post's markup). */
export interface PostValues {
  id: string;
  number: number;
  /** The author as the viewer may see them: under the Chatham House Rule a label, never a name (the page words it). */
  name: string;
  affiliation: PostAffiliation;
  /** ISO time and the viewer's own wording of it (time zone and locale), made on the server. */
  created: [iso: string, text: string];
  /** Absent when false or empty: a page's flight data carries 30 of these. */
  edited?: string;
  deleted?: true;
  hidden?: true;
  hiddenReason?: string;
  /** Sanitized when written (lib/markdown); absent when removed, or hidden from this viewer. */
  cooked?: string;
  isOwn?: true;
}

/** What every post of the page shares, given once by PostList rather than 30 times. */
const PostsContext = createContext({ threadId: '', canReply: false, moderator: false });

/** The list of a page's posts (the `Post`s are its children). */
export function PostList({
  threadId,
  canReply,
  moderator,
  children,
}: {
  threadId: string;
  canReply: boolean;
  moderator: boolean;
  children: ReactNode;
}) {
  return (
    <PostsContext value={{ threadId, canReply, moderator }}>
      <ol className="space-y-3">{children}</ol>
    </PostsContext>
  );
}

/**
 * One post of a thread: author, time, "edited" marker, cooked body (or its placeholder) and its actions.
 * A client component given values, so each post's cooked HTML travels once in the flight data (as a
 * string) and its chrome not at all (issue 17). Moderators' tools and resource cards come rendered, as
 * `moderation` and `cards`, where they exist.
 */
export function Post({ post, cards, moderation }: { post: PostValues; cards?: ReactNode; moderation?: ReactNode }) {
  const { threadId, canReply, moderator } = useContext(PostsContext);
  const t = useTranslations('discussions');
  const tx = t as unknown as (key: string, values?: Record<string, string | number | Date>) => string;
  const { id, number, name, affiliation } = post;
  const headingId = `post-${number}-by`;
  const base = `/threads/${threadId}/posts/${id}`;
  const visible = post.cooked !== undefined;
  return (
    <li>
      <article id={`post-${number}`} aria-labelledby={headingId} className="post">
        <header className="post-head">
          {/* Screen readers hear "Post 4 by …"; the eye sees the name and where they are from. */}
          <h3 id={headingId} className="post-by" aria-label={t('thread.postBy', { number, name })}>
            <bdi>{name}</bdi>{' '}
            {!affiliation ? null : 'youAs' in affiliation ? (
              <span>{isolated(tx, 'chatham.youAs', { label: affiliation.youAs })}</span>
            ) : affiliation.former ? (
              <span>{isolated(tx, 'thread.formerMemberOrganisation', { organisation: affiliation.organisation })}</span>
            ) : (
              <bdi>{affiliation.organisation}</bdi>
            )}
          </h3>
          <p className="post-when">
            <a href={`#post-${number}`} aria-label={t('thread.permalink', { number })}>{`#${number}`}</a>
            {' · '}
            <time dateTime={post.created[0]}>{post.created[1]}</time>
            {post.edited && !post.deleted ? (
              <>
                {' · '}
                <span title={post.edited}>{t('badges.edited')}</span>
              </>
            ) : null}
          </p>
        </header>
        <div className="py-3">
          {post.deleted ? (
            <p className="text-slate-600 italic">{t('thread.removed')}</p>
          ) : post.hidden && !visible ? (
            <p className="text-slate-600 italic">
              {post.hiddenReason ? isolated(tx, 'thread.hiddenReason', { reason: post.hiddenReason }) : t('thread.hiddenPlaceholder')}
            </p>
          ) : (
            <>
              {post.hidden ? (
                <p className="mb-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">
                  {isolated(tx, 'moderation.hiddenNow', { reason: post.hiddenReason ?? '' })}
                </p>
              ) : null}
              <Cooked html={post.cooked!} />
              {cards}
            </>
          )}
        </div>
        {!post.deleted ? (
          <div role="group" aria-label={t('thread.actionsFor', { number })} className="post-actions">
            {/* This page's own address with the quote asked for (a page number is dropped: the reply box is on every page). */}
            {visible && canReply ? <Link href={`?quote=${id}#reply`}>{t('thread.quote')}</Link> : null}
            {post.isOwn && !post.hidden ? <Link href={`${base}/edit`}>{t('thread.edit')}</Link> : null}
            {!post.isOwn && visible ? <Link href={`${base}/report`}>{t('thread.report')}</Link> : null}
            {moderator && post.edited ? <Link href={`${base}/history`}>{t('thread.history')}</Link> : null}
            {post.isOwn ? (
              <details>
                <summary className="cursor-pointer text-red-800">{t('thread.delete')}</summary>
                <div className="mt-2 space-y-2">
                  <p>{t('thread.deleteConfirm')}</p>
                  <ActionButton action={deletePostAction} fields={{ postId: id }} variant="danger" pendingLabel={t('thread.delete')}>
                    {t('thread.delete')}
                  </ActionButton>
                </div>
              </details>
            ) : null}
            {moderation}
          </div>
        ) : null}
      </article>
    </li>
  );
}
