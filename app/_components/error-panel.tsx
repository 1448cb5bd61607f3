'use client';

import { useTranslations } from 'next-intl';
import { createContext, useContext, type ReactNode } from 'react';

/**
 * The id of the request that rendered the page (proxy.ts makes it; the root layout passes it down), so
 * the error page can show it for a member to quote to the Secretariat. After client-side navigations it
 * stays the id of the page first loaded: the error's digest, shown beside it, names the failing render
 * (both are logged together, see instrumentation.ts).
 */
const RequestIdContext = createContext<string | null>(null);

export function RequestIdProvider({ id, children }: { id: string | null; children: ReactNode }) {
  return <RequestIdContext value={id}>{children}</RequestIdContext>;
}

export function useRequestId(): string | null {
  return useContext(RequestIdContext);
}

/**
 * What the error pages (app/error.tsx, app/global-error.tsx) show: no stack trace, a reference to quote
 * (the request id and the error's digest, either of which finds the log line) and a way on.
 */
export function ErrorPanel({ requestId, digest, children }: { requestId: string | null; digest?: string; children: ReactNode }) {
  const t = useTranslations('errors');
  const reference = [requestId, digest].filter(Boolean).join(' / ');
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-16">
      <h1 className="text-2xl font-bold text-brand-900">{t('errorTitle')}</h1>
      <p className="text-slate-700">{t('errorText')}</p>
      {reference ? (
        <p className="text-sm text-slate-700">
          {t('reference')} <code className="break-all select-all">{reference}</code>
        </p>
      ) : null}
      {children}
    </main>
  );
}
