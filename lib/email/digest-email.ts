import { createTranslator } from 'next-intl';
import { escapeHtml } from '@/lib/html';
import { DEFAULT_LOCALE, directionOf, isLocale } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';
import type { RenderedEmail } from './templates';
import type { TlpMarking } from '@/lib/values';
import { tlpLabel } from '@/lib/tlp';

/**
 * A daily or weekly digest in the recipient's language. Titles only of threads in open spaces and of
 * resources every member sees (the data layer chooses them, never RED ones), each with its TLP label; the
 * rest comes as counts.
 */
export interface DigestContent {
  threads: { id: string; title: string; marking: TlpMarking; space: string; isNew: boolean; replies: number }[];
  restrictedThreads: number;
  resources: { id: string; title: string; marking: TlpMarking }[];
  otherResources: number;
  joinedSector: number;
}

export interface DigestEmail {
  locale: string;
  period: 'daily' | 'weekly';
  content: DigestContent;
  link: string;
  threadLink: (id: string) => string;
  resourceLink: (id: string) => string;
  preferencesLink: string;
  unsubscribeLink: string;
}

export function renderDigestEmail(email: DigestEmail): RenderedEmail {
  const language = isLocale(email.locale) ? email.locale : DEFAULT_LOCALE;
  const t = createTranslator({ locale: language, messages: messagesFor(language), namespace: 'notify.digest' });
  const c = email.content;
  const sections: { heading: string; items: { text: string; href?: string }[] }[] = [];
  type Item = { text: string; href?: string };
  const threadItems: Item[] = c.threads.map((th) => ({
    text: `${tlpLabel(th.marking)} ${t(th.isNew ? 'newThread' : 'activeThread', { title: th.title, space: th.space, count: th.replies })}`,
    href: email.threadLink(th.id),
  }));
  if (c.restrictedThreads) threadItems.push({ text: t('restrictedThreads', { count: c.restrictedThreads }), href: email.link });
  if (threadItems.length) sections.push({ heading: t('threadsHeading'), items: threadItems });
  const resourceItems: Item[] = c.resources.map((r) => ({ text: `${tlpLabel(r.marking)} ${r.title}`, href: email.resourceLink(r.id) }));
  if (c.otherResources) resourceItems.push({ text: t('otherResources', { count: c.otherResources }) });
  if (resourceItems.length) sections.push({ heading: t('resourcesHeading'), items: resourceItems });
  if (c.joinedSector) sections.push({ heading: t('peopleHeading'), items: [{ text: t('joinedSector', { count: c.joinedSector }) }] });

  const subject = t(`subject.${email.period}`);
  const intro = t(`intro.${email.period}`);
  const reason = t(`reason.${email.period}`);
  const text = [
    intro,
    ...sections.map((s) => [s.heading, ...s.items.map((i) => `- ${i.text}${i.href ? `\n  ${i.href}` : ''}`)].join('\n')),
    '--',
    reason,
    `${t('preferences')}: ${email.preferencesLink}`,
    `${t('unsubscribe')}: ${email.unsubscribeLink}`,
  ].join('\n\n');
  const small = 'color:#6b7280;font-size:13px';
  const html = `<!doctype html><html lang="${language}" dir="${directionOf(language)}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937">
<p>${escapeHtml(intro)}</p>
${sections
  .map(
    (s) =>
      `<h2 style="font-size:16px">${escapeHtml(s.heading)}</h2><ul>${s.items
        .map((i) => `<li dir="auto">${i.href ? `<a href="${escapeHtml(i.href)}">${escapeHtml(i.text)}</a>` : escapeHtml(i.text)}</li>`)
        .join('')}</ul>`,
  )
  .join('\n')}
<hr style="border:0;border-top:1px solid #e5e7eb">
<p style="${small}">${escapeHtml(reason)}</p>
<p style="${small}"><a href="${escapeHtml(email.preferencesLink)}">${escapeHtml(t('preferences'))}</a> · <a href="${escapeHtml(email.unsubscribeLink)}">${escapeHtml(t('unsubscribe'))}</a></p>
</body></html>`;
  return { subject, text: `${text}\n`, html };
}
