import 'server-only';
import type { Tx } from '@/db';
import { appLink, deliverSoon, queueEmail, type EmailTemplate } from './index';

/**
 * Emails that tell a member about something done to their account's security, so that a change they did
 * not make is noticed. Each kind is a template (lib/email/templates.ts, `email` namespace) and the page it
 * links to. Queued in the caller's transaction when given one, so the notice exists exactly when the change does.
 */
export const SECURITY_NOTICES = {
  /** Their password was changed (from settings or a reset link). */
  passwordChanged: { template: 'noticePasswordChanged', path: '/forgot-password' },
  /** A sign-in from a browser never used with the account: "not you? end that session". */
  newSignIn: { template: 'noticeNewSignIn', path: '/settings/security' },
  /** Repeated failed sign-ins slowed the account down (at most once a day, lib/auth/throttle.ts). */
  signInFailures: { template: 'noticeSignInFailures', path: '/settings/security' },
} as const satisfies Record<string, { template: EmailTemplate; path: string }>;
export type SecurityNotice = keyof typeof SECURITY_NOTICES;

export async function sendSecurityNotice(kind: SecurityNotice, to: { email: string; locale: string }, tx?: Tx): Promise<void> {
  const { template, path } = SECURITY_NOTICES[kind];
  await queueEmail({ to: to.email, template, locale: to.locale, link: appLink(path) }, tx);
  if (!tx) deliverSoon();
}
