'use client';

import clsx from 'clsx';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { Alert } from '@/app/_components/ui/alert';
import { buttonClass } from '@/app/_components/ui/button';
import { FieldErrors, inputClass } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import { approveApplicationAction, rejectApplicationAction } from './actions';

const REASON_MAX = 1000;

/**
 * Approve, or reject with a reason, one application. Rejecting sits behind a disclosure and needs a
 * reason, so it cannot happen by a slip. Once decided, the outcome replaces the buttons.
 */
export function DecisionForms({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations('admin.applications');
  const [approveState, approve] = useActionState(approveApplicationAction, null);
  const [rejectState, reject] = useActionState(rejectApplicationAction, null);
  const done = approveState?.ok ? approveState : rejectState?.ok ? rejectState : null;
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  if (done) {
    return (
      <div ref={doneRef} tabIndex={-1} className="outline-none">
        <Alert tone="success">{done.message}</Alert>
      </div>
    );
  }

  const failed = rejectState && !rejectState.ok ? rejectState : null;
  const reasonErrors = failed?.fieldErrors?.reason;
  const reasonId = `reason-${userId}`;
  return (
    <div className="flex flex-col gap-4 border-t border-slate-200 pt-4 sm:flex-row sm:items-start">
      <ActionForm state={approveState} action={approve} className="space-y-2">
        <input type="hidden" name="userId" value={userId} />
        <SubmitButton pendingLabel={t('approving')}>
          {t('approve')}
          <span className="sr-only">: {name}</span>
        </SubmitButton>
      </ActionForm>
      <details className="group min-w-0 flex-1" open={failed ? true : undefined}>
        <summary className={clsx(buttonClass('secondary'), 'cursor-pointer list-none [&::-webkit-details-marker]:hidden')}>
          {t('reject')}
          <span className="sr-only">: {name}</span>
        </summary>
        <ActionForm state={rejectState} action={reject} className="mt-3 space-y-3 rounded-md border border-red-200 bg-red-50/40 p-4">
          <input type="hidden" name="userId" value={userId} />
          <div className="space-y-1">
            <label htmlFor={reasonId} className="block text-sm font-medium text-slate-800">
              {t('reason')}
            </label>
            <p id={`${reasonId}-hint`} className="text-sm text-slate-600">
              {t('reasonHint', { max: REASON_MAX })}
            </p>
            <textarea
              key={failed?.values?.reason ?? ''}
              id={reasonId}
              name="reason"
              required
              maxLength={REASON_MAX}
              defaultValue={failed?.values?.reason}
              dir="auto"
              aria-invalid={reasonErrors?.length ? true : undefined}
              aria-describedby={clsx(`${reasonId}-hint`, reasonErrors?.length && `${reasonId}-error`)}
              className={clsx(inputClass, 'min-h-28')}
            />
            <FieldErrors name={reasonId} errors={reasonErrors} />
          </div>
          <SubmitButton variant="danger" pendingLabel={t('rejecting')}>
            {t('rejectConfirm')}
            <span className="sr-only">: {name}</span>
          </SubmitButton>
        </ActionForm>
      </details>
    </div>
  );
}
