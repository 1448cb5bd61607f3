import { createTranslator } from 'next-intl';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';

/**
 * Emails carry links, not content: no post bodies, thread titles, resource names or reasons. Each
 * template is a subject, a few sentences and one link, in the recipient's locale.
 */
export const TEMPLATES = [
  'verifyEmail',
  'registerExisting',
  'resetPassword',
  'applicationApproved',
  'applicationRejected',
  'newApplication',
  'blockedUpload',
] as const;
export type EmailTemplate = (typeof TEMPLATES)[number];

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderEmail(template: EmailTemplate, locale: string, link: string): RenderedEmail {
  const messages = messagesFor(isLocale(locale) ? locale : DEFAULT_LOCALE);
  const t = createTranslator({ locale, messages, namespace: 'email' });
  const subject = t(`${template}.subject`);
  const body = t(`${template}.body`);
  const action = t(`${template}.action`);
  const footer = t('footer');
  const text = `${body}\n\n${action}: ${link}\n\n${footer}\n`;
  const html = `<!doctype html><html lang="${escapeHtml(locale)}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937">
<p>${escapeHtml(body)}</p>
<p><a href="${escapeHtml(link)}">${escapeHtml(action)}</a></p>
<p style="color:#6b7280;font-size:13px">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}
