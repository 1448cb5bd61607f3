import { getTranslations } from 'next-intl/server';
import { ActionButton, ChoiceForm, ReasonForm } from '@/app/_components/ui/action-forms';
import type { ReportTarget } from '@/lib/values';
import { SuspendForm } from '@/app/_components/suspend-form';
import {
  dismissReportAction,
  reportTargetAction,
  suspendTemporarilyAction,
  warnMemberAction,
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

/** Closes a report with nothing to act on (the report queue). */
export async function DismissReportButton({ reportId }: { reportId: string }) {
  const t = await getTranslations('discussions.moderation');
  return (
    <ActionButton action={dismissReportAction} fields={{ reportId }} variant="ghost" pendingLabel={t('dismiss')}>
      {t('dismiss')}
    </ActionButton>
  );
}

/**
 * "Report" on a thread, resource, profile or organisation page (decision 029): a disclosure with the
 * reason field, for members who see the page (the data layer checks it again).
 */
export async function ReportControl({ kind, targetId }: { kind: Exclude<ReportTarget, 'post'>; targetId: string }) {
  const t = await getTranslations('discussions.report');
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700 underline-offset-2 hover:underline">{t(`control.${kind}`)}</summary>
      <div className="mt-2 w-80 max-w-full space-y-2">
        <p className="text-slate-700">{t('controlIntro')}</p>
        <ReasonForm
          action={reportTargetAction}
          fields={{ kind, targetId }}
          name="reason"
          label={t('reason')}
          submit={t('submit')}
          pendingLabel={t('sending')}
          maxLength={500}
        />
      </div>
    </details>
  );
}

/** A formal warning with a reason (moderators and admins; from a report or the member's admin page). */
export async function WarnForm({ userId, name, reportId }: { userId: string; name: string; reportId?: string }) {
  const t = await getTranslations('discussions.moderation');
  return (
    <div className="w-72 max-w-full">
      <ReasonForm
        action={warnMemberAction}
        fields={{ userId, reportId: reportId ?? '' }}
        name="reason"
        label={t('warnReason', { name })}
        submit={t('warn')}
        pendingLabel={t('warn')}
        maxLength={500}
      />
    </div>
  );
}

/** A temporary suspension: days (1–30, 3 by default) and a reason. */
export async function TemporarySuspensionForm({ userId, name, reportId }: { userId: string; name: string; reportId?: string }) {
  const t = await getTranslations('discussions.moderation');
  return (
    <SuspendForm
      action={suspendTemporarilyAction}
      fields={{ userId, reportId: reportId ?? '' }}
      labels={{ days: t('suspendDays'), reason: t('suspendReason', { name }), submit: t('suspend') }}
    />
  );
}
