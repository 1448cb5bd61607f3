import { createTranslator } from 'next-intl';
import { escapeHtml } from '@/lib/html';
import { DEFAULT_LOCALE, directionOf, isLocale } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';

/**
 * Emails carry links, not content: no post bodies, thread titles or resource names. Each template is a
 * subject, a few sentences and one link, in the recipient's locale. The one reason an email carries is the
 * Secretariat's reason for rejecting an application, sent to its applicant alone (`values`).
 */
export const TEMPLATES = [
  'verifyEmail',
  'registerExisting',
  'resetPassword',
  'applicationApproved',
  'applicationRejected',
  'newApplication',
  'confirmNewEmail',
  'emailChanged',
  'fileQuarantined',
  // Yearly re-verification (lib/dal/reverification/rounds.ts).
  'reverificationOpened',
  'reverificationReminder',
  'reverificationSuspended',
  // A focal point's people (decision 018).
  'applicationToEndorse',
  'invitation',
  'removedFromOrganisation',
  'exportReady',
  // Security notices (lib/email/security-notices.ts).
  'noticePasswordChanged',
  'noticeNewSignIn',
  'noticeSignInFailures',
  'secondFactorAdded',
  'secondFactorRemoved',
  'secondFactorReset',
] as const;
export type EmailTemplate = (typeof TEMPLATES)[number];

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function renderEmail(template: EmailTemplate, locale: string, link: string, values: Record<string, string> = {}): RenderedEmail {
  const language = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const t = createTranslator({ locale: language, messages: messagesFor(language), namespace: 'email' });
  const subject = t(`${template}.subject`);
  const body = t(`${template}.body`, values);
  const action = t(`${template}.action`);
  const footer = t('footer');
  const text = `${body}\n\n${action}: ${link}\n\n${footer}\n`;
  const html = `<!doctype html><html lang="${language}" dir="${directionOf(language)}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937">
<p>${escapeHtml(body)}</p>
<p><a href="${escapeHtml(link)}">${escapeHtml(action)}</a></p>
<p style="color:#6b7280;font-size:13px">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}
