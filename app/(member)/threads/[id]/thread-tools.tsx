import { getTranslations } from 'next-intl/server';
import type { ThreadDetail } from '@/lib/dal/threads';
import { clearUrgentAction, followThreadAction, urgentAction } from '../actions';
import { ActionButton, MoveForm, ReasonForm } from '../_components/forms';
import { lockThreadAction, moveThreadAction, pinThreadAction } from '../moderation-actions';

/** Follow/unfollow, mark urgent (author or moderator), and the moderator's tools for a thread. */
export async function ThreadTools({
  thread,
  viewerId,
  moderator,
  spaces,
}: {
  thread: ThreadDetail;
  viewerId: string;
  moderator: boolean;
  spaces: { id: string; name: string }[];
}) {
  const t = await getTranslations('discussions');
  const canFlag = !thread.isUrgent && (moderator || (thread.authorId === viewerId && !thread.isLocked));
  return (
    <div className="flex flex-wrap items-start gap-4">
      <ActionButton action={followThreadAction} fields={{ id: thread.id, follow: thread.following ? 'false' : 'true' }} pendingLabel={t('thread.follow')}>
        {thread.following ? t('thread.unfollow') : t('thread.follow')}
      </ActionButton>
      {canFlag ? (
        <details className="rounded-md border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer text-sm font-semibold">{t('thread.markUrgent')}</summary>
          <div className="mt-2 w-80 max-w-full">
            <ReasonForm
              action={urgentAction}
              fields={{ threadId: thread.id }}
              name="reason"
              label={t('thread.urgentReason')}
              submit={t('thread.markUrgent')}
              pendingLabel={t('thread.markUrgent')}
            />
          </div>
        </details>
      ) : null}
      {moderator ? (
        <details className="rounded-md border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer text-sm font-semibold">{t('moderation.tools')}</summary>
          <div className="mt-3 flex flex-wrap items-start gap-3">
            <ActionButton action={lockThreadAction} fields={{ threadId: thread.id, on: thread.isLocked ? 'false' : 'true' }} pendingLabel={t('moderation.lock')}>
              {thread.isLocked ? t('moderation.unlock') : t('moderation.lock')}
            </ActionButton>
            <ActionButton action={pinThreadAction} fields={{ threadId: thread.id, on: thread.isPinned ? 'false' : 'true' }} pendingLabel={t('moderation.pin')}>
              {thread.isPinned ? t('moderation.unpin') : t('moderation.pin')}
            </ActionButton>
            {thread.isUrgent ? (
              <ActionButton action={clearUrgentAction} fields={{ threadId: thread.id }} pendingLabel={t('thread.clearUrgent')}>
                {t('thread.clearUrgent')}
              </ActionButton>
            ) : null}
            {spaces.length ? <MoveForm action={moveThreadAction} threadId={thread.id} spaces={spaces} /> : null}
          </div>
        </details>
      ) : null}
    </div>
  );
}
