import { getTranslations } from 'next-intl/server';
import { ActionButton, ChoiceForm, ReasonForm } from '@/app/_components/ui/action-forms';
import {
  hidePostAction,
  lockThreadAction,
  moveThreadAction,
  pinThreadAction,
  resolveReportAction,
  restorePostAction,
} from '@/app/_components/moderation-actions';

/** The moderators' tools, the same on a thread's page and in the console's report queue. */

export async function RestorePostButton({ postId }: { postId: string }) {
  const t = await getTranslations('discussions.moderation');
  return (
    <ActionButton action={restorePostAction} fields={{ postId }} pendingLabel={t('restore')}>
      {t('restore')}
    </ActionButton>
  );
}

export async function HidePostForm({ postId }: { postId: string }) {
  const t = await getTranslations('discussions.moderation');
  return (
    <div className="w-72 max-w-full">
      <ReasonForm
        action={hidePostAction}
        fields={{ postId }}
        name="reason"
        label={t('hideReason')}
        submit={t('hide')}
        pendingLabel={t('hide')}
        variant="danger"
        maxLength={300}
      />
    </div>
  );
}

/** Lock or unlock, pin or unpin, and move (to one of `spaces`, when there is any). */
export async function ThreadModerationButtons({
  threadId,
  locked,
  pinned,
  spaces,
}: {
  threadId: string;
  locked: boolean;
  pinned: boolean;
  spaces: { id: string; name: string }[];
}) {
  const t = await getTranslations('discussions.moderation');
  return (
    <>
      <ActionButton action={lockThreadAction} fields={{ threadId, on: locked ? 'false' : 'true' }} pendingLabel={t('lock')}>
        {locked ? t('unlock') : t('lock')}
      </ActionButton>
      <ActionButton action={pinThreadAction} fields={{ threadId, on: pinned ? 'false' : 'true' }} pendingLabel={t('pin')}>
        {pinned ? t('unpin') : t('pin')}
      </ActionButton>
      {spaces.length ? (
        <ChoiceForm
          action={moveThreadAction}
          fields={{ threadId }}
          name="spaceId"
          label={t('move')}
          submit={t('moveSubmit')}
          options={spaces.map((s) => ({ value: s.id, label: s.name }))}
        />
      ) : null}
    </>
  );
}

/** Marks a report dealt with (the report queue). */
export async function ResolveReportButton({ reportId }: { reportId: string }) {
  const t = await getTranslations('discussions.moderation');
  return (
    <ActionButton action={resolveReportAction} fields={{ reportId }} variant="primary" pendingLabel={t('resolve')}>
      {t('resolve')}
    </ActionButton>
  );
}
