import type { Locale } from './locales';
import ar from '@/messages/ar';
import en from '@/messages/en';
import es from '@/messages/es';
import fr from '@/messages/fr';
import pt from '@/messages/pt';

/** Message catalogues, one namespace per file under messages/<locale>/ (same keys in each: catalogues.test.ts). */
const catalogues = { en, fr, es, pt, ar } satisfies Record<Locale, Messages>;

export type Messages = typeof en;

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/**
 * The parts of a catalogue that client components translate with `useTranslations`, by the area of the
 * app they belong to (the rest is only read on the server, so it never travels to the browser). Each
 * layout's NextIntlClientProvider hands over `shared` plus its own area. client-messages.test.ts checks
 * that every key a 'use client' file asks for is in its area (or in `shared` for app/_components).
 */
export const CLIENT_MESSAGES = {
  /** app/_components and the root error page: on every page. */
  shared: ['errors', 'nav', 'discussions.live', 'discussions.nav', 'messages.nav', 'security.keys', 'security.reauth', 'security.recovery'],
  /** app/(public): signing in, applying, passwords. */
  public: [
    'auth.confirmEmail',
    'auth.forgot',
    'auth.register',
    'auth.reset',
    'auth.signIn',
    'auth.verify',
    'common.sectors',
    'guidelines.accept',
    'people.invitation',
    'security.enrol',
    'security.signIn',
  ],
  /** app/(member): the members' forms. */
  member: [
    'common.sectors',
    'directory.editOrganisation',
    'directory.logo',
    'discussions.editor',
    'discussions.report',
    'discussions.space',
    'messages.conversation',
    'messages.group',
    'messages.new',
    'messages.report',
    'people.invite',
    'profile',
    'resources.detail',
    'resources.form',
    'resources.types',
    'resources.visibility',
    'settings',
    'notify.settings',
    'privacy.delete',
  ],
  /** app/admin: the Secretariat's console. */
  admin: [
    'admin.applications',
    'admin.organisation',
    'admin.user',
    'blocklist',
    'common.roles',
    'guidelines.admin',
    'reverification.admin',
    'common.sectors',
    'directory.expertise',
    'discussions.access',
    'discussions.admin',
    'discussions.editor',
    'people.settings',
  ],
} as const;
export type ClientArea = Exclude<keyof typeof CLIENT_MESSAGES, 'shared'>;

type Tree = { [key: string]: string | Tree };

/** The listed subtrees (dotted paths) of a catalogue, in the same shape. */
export function pickMessages(messages: Tree, paths: readonly string[]): Tree {
  const out: Tree = {};
  for (const path of paths) {
    const parts = path.split('.');
    let from: string | Tree | undefined = messages;
    let to = out;
    parts.forEach((part, i) => {
      from = typeof from === 'object' ? from[part] : undefined;
      if (from === undefined) return;
      if (i === parts.length - 1) to[part] = from;
      else to = (to[part] ??= {}) as Tree;
    });
  }
  return out;
}

/** What a NextIntlClientProvider hands to the browser: only the viewer's locale, only what the area's client components translate. */
export function clientMessagesFor(locale: Locale, area?: ClientArea): Tree {
  return pickMessages(messagesFor(locale) as unknown as Tree, [...CLIENT_MESSAGES.shared, ...(area ? CLIENT_MESSAGES[area] : [])]);
}
