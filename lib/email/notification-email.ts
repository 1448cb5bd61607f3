import { createTranslator } from 'next-intl';
import type { NotificationKind, TlpMarking } from '@/db/schema';
import { tlpEmailStyle, tlpLabel } from '@/lib/tlp';
import { escapeHtml } from '@/lib/html';
import { DEFAULT_LOCALE, directionOf, isLocale } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';
import type { RenderedEmail } from './templates';

/**
 * The email about one or more notifications on one thread (or one join decision), in the recipient's
 * language and time zone. What it may carry (ARCHITECTURE.md invariant 11): about an open space, the
 * thread's title, its space and the author's organisation, and an excerpt only when the member asked
 * for one; about a restricted space, none of these — only that something happened, and a link. TLP
 * markings (decision 030): the thread's label heads the email (and its subject, unless GREEN, the
 * default); the data layer leaves out the
 * excerpt of AMBER threads and everything of RED ones (they read as restricted).
 */
export interface NotificationEmail {
  locale: string;
  timeZone: string;
  kind: NotificationKind;
  /** How many events the email gathers (several replies within the delay make one email). */
  count: number;
  /** The latest event's time. */
  at: Date;
  /**
   * Null for restricted spaces: nothing of the content is given. Under the Chatham House Rule (decision
   * 031) `chatham` is the sector-and-region label that names the actor instead of their organisation.
   */
  open: { title: string; space: string; organisation: string; excerpt: string | null; chatham?: string; marking?: TlpMarking } | null;
  /** A direct message's email names who wrote (a member of the same conversation) and nothing of what they wrote. */
  who?: string;
  link: string;
  preferencesLink: string;
  unsubscribeLink: string;
}

const EXCERPT_CHARS = 280;

/** A post's text cut to a short excerpt on a word boundary. */
export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_CHARS) return flat;
  const cut = flat.slice(0, EXCERPT_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function formatWhen(at: Date, locale: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(at);
  }
}

type Translator = ReturnType<typeof createTranslator<ReturnType<typeof messagesFor>, 'notify.email'>>;
const translators = new Map<string, Translator>();

/** One translator per language, kept: a fan-out renders thousands of emails and compiling messages dominates. */
function translatorFor(language: Parameters<typeof messagesFor>[0]): Translator {
  let t = translators.get(language);
  if (!t) translators.set(language, (t = createTranslator({ locale: language, messages: messagesFor(language), namespace: 'notify.email' })));
  return t;
}

/** The kinds whose open-space sentence names the actor's organisation: under the Chatham House Rule they name the label. */
const CHATHAM_KINDS = ['reply', 'mention', 'urgent', 'new_thread'] as const;
const isChathamKind = (kind: NotificationKind): kind is (typeof CHATHAM_KINDS)[number] => (CHATHAM_KINDS as readonly string[]).includes(kind);

export function renderNotificationEmail(email: NotificationEmail): RenderedEmail {
  const language = isLocale(email.locale) ? email.locale : DEFAULT_LOCALE;
  const t = translatorFor(language);
  const when = formatWhen(email.at, language, email.timeZone);
  const o = email.open;
  const label = o?.marking ? tlpLabel(o.marking) : null;
  const subject = o
    ? `${label && o?.marking !== 'green' ? `[${label}] ` : ''}${t(`subject.${email.kind}`, { count: email.count, title: o.title, space: o.space, who: email.who ?? '' })}`
    : t(`restrictedSubject.${email.kind}`, { count: email.count, who: email.who ?? '' });
  const chathamKind = isChathamKind(email.kind) ? email.kind : null;
  const summary = !o
    ? t(`restricted.${email.kind}`, { count: email.count, when, who: email.who ?? '' })
    : o.chatham && chathamKind
      ? t(`openChatham.${chathamKind}`, { count: email.count, title: o.title, space: o.space, who: o.chatham, when })
      : t(`open.${email.kind}`, { count: email.count, title: o.title, space: o.space, organisation: o.organisation, when, who: email.who ?? '' });
  // Warnings and suspensions (decision 029) are about a person, not a space: the summary says the portal has the rest.
  const aboutPerson = email.kind === 'warning' || email.kind === 'member_suspended';
  // A resource's restricted sentence already says to sign in; the note speaks of restricted spaces.
  const note = o || aboutPerson || email.kind === 'resource_marking_lowered' ? null : t(email.kind === 'message' ? 'messageNote' : 'restrictedNote');
  const excerpt = o?.excerpt ? excerptOf(o.excerpt) : null;
  const action = t('action');
  const reason = t(`reason.${email.kind}`);
  const preferences = t('preferences');
  const unsubscribe = t('unsubscribe');
  const footer = t('footer');

  const text = [
    label,
    summary,
    note,
    excerpt ? `${t('excerpt')}\n> ${excerpt}` : null,
    `${action}: ${email.link}`,
    '--',
    reason,
    `${preferences}: ${email.preferencesLink}`,
    `${unsubscribe}: ${email.unsubscribeLink}`,
    footer,
  ]
    .filter((line) => line !== null)
    .join('\n\n');
  const p = (s: string, style = '') => `<p${style ? ` style="${style}"` : ''}>${s}</p>`;
  const small = 'color:#6b7280;font-size:13px';
  const html = `<!doctype html><html lang="${language}" dir="${directionOf(language)}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937">
${label ? p(`<strong style="${tlpEmailStyle(o!.marking!)}">${escapeHtml(label)}</strong>`) : ''}
${p(`<span dir="auto">${escapeHtml(summary)}</span>`)}
${note ? p(escapeHtml(note)) : ''}
${excerpt ? `${p(escapeHtml(t('excerpt')))}<blockquote dir="auto" style="margin:0;padding-inline-start:12px;border-inline-start:3px solid #cbd5e1">${escapeHtml(excerpt)}</blockquote>` : ''}
${p(`<a href="${escapeHtml(email.link)}">${escapeHtml(action)}</a>`)}
<hr style="border:0;border-top:1px solid #e5e7eb">
${p(escapeHtml(reason), small)}
${p(`<a href="${escapeHtml(email.preferencesLink)}">${escapeHtml(preferences)}</a> · <a href="${escapeHtml(email.unsubscribeLink)}">${escapeHtml(unsubscribe)}</a>`, small)}
${p(escapeHtml(footer), small)}
</body></html>`;
  return { subject: subject.slice(0, 300), text: `${text}\n`, html };
}
