import { getTranslations } from 'next-intl/server';
import type { ThreadDetail } from '@/lib/dal/discussions/threads';
import { clearUrgentAction, followThreadAction, urgentAction } from '../actions';
import { ThreadModerationButtons } from '@/app/_components/moderation-tools';
import { ActionButton, ReasonForm } from '@/app/_components/ui/action-forms';

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
      <ActionButton
        action={followThreadAction}
        fields={{ id: thread.id, follow: thread.following ? 'false' : 'true' }}
        pendingLabel={t('thread.follow')}
      >
        {thread.following ? t('thread.unfollow') : t('thread.follow')}
      </ActionButton>
      {canFlag ? (
        <details className="max-w-full rounded-md border border-slate-200 bg-white p-3">
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
        <details className="max-w-full rounded-md border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer text-sm font-semibold">{t('moderation.tools')}</summary>
          <div className="mt-3 flex flex-wrap items-start gap-3">
            <ThreadModerationButtons threadId={thread.id} locked={thread.isLocked} pinned={thread.isPinned} spaces={spaces} />
            {thread.isUrgent ? (
              <ActionButton action={clearUrgentAction} fields={{ threadId: thread.id }} pendingLabel={t('thread.clearUrgent')}>
                {t('thread.clearUrgent')}
              </ActionButton>
            ) : null}
          </div>
        </details>
      ) : null}
    </div>
  );
}
