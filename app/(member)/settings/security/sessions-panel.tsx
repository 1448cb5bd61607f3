'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import type { ActionState } from '@/lib/action-state';
import { Alert } from '@/app/_components/ui/alert';
import { SubmitButton } from '@/app/_components/ui/form';
import { endOtherSessionsAction, endSessionAction } from './actions';

export interface SessionRow {
  key: string;
  current: boolean;
  details: ReactNode;
  endLabel: string;
}

/** Both session actions share one state held here, so the confirmation outlives the row it removed. */
async function manageSessions(prev: ActionState<undefined>, formData: FormData): Promise<ActionState<undefined>> {
  return formData.get('scope') === 'others' ? endOtherSessionsAction(prev, formData) : endSessionAction(prev, formData);
}

export function SessionsPanel({ rows }: { rows: SessionRow[] }) {
  const t = useTranslations('settings');
  const [state, action] = useActionState(manageSessions, null);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state?.message) messageRef.current?.focus();
  }, [state]);
  return (
    <div className="space-y-4">
      <div ref={messageRef} tabIndex={-1} className="outline-none">
        {state?.message ? <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert> : null}
      </div>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {rows.map((row) => (
          <li key={row.key} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
            {row.details}
            {row.current ? null : (
              <form action={action}>
                <input type="hidden" name="key" value={row.key} />
                <SubmitButton variant="secondary" pendingLabel={t('end')}>
                  <span aria-hidden>{t('end')}</span>
                  <span className="sr-only">{row.endLabel}</span>
                </SubmitButton>
              </form>
            )}
          </li>
        ))}
      </ul>
      {rows.length > 1 ? (
        <form action={action}>
          <input type="hidden" name="scope" value="others" />
          <SubmitButton variant="danger" pendingLabel={t('endOthers')}>
            {t('endOthers')}
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
