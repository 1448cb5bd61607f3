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
 * layout's NextIntlClientProvider hands over `shared` plus its own area; the parts of the member area
 * with forms of their own (MEMBER_SEGMENTS) add theirs to the member area's in their own layout, so a
 * page carries only the messages its own forms need (issue 17: the whole member list was 15 KB of every
 * page). client-messages.test.ts checks that every key a 'use client' file asks for is in its area (or in
 * `shared` for app/_components).
 */
/** The post editor's words, with its identifying-details notice: every area whose forms have the editor. */
const EDITOR = ['discussions.editor', 'identifying'] as const;

export const CLIENT_MESSAGES = {
  /** app/_components and the root error page: on every page. */
  shared: [
    // The error and not-found panels' words only: the other errors are worded on the server (1 KB of every page).
    'errors.errorTitle',
    'errors.errorText',
    'errors.reference',
    'errors.tryAgain',
    'errors.backHome',
    'errors.pageNotFound',
    'errors.pageNotFoundText',
    'nav',
    'common.sectors',
    'discussions.live',
    'discussions.nav',
    'messages.nav',
    'security.reauth',
  ],
  /** app/(public): signing in, applying, passwords. */
  public: [
    'auth.confirmEmail',
    'auth.forgot',
    'auth.register',
    'auth.reset',
    'auth.signIn',
    'auth.verify',
    'guidelines.accept',
    'people.invitation',
    'security.enrol',
    'security.signIn',
    'security.keys',
    'security.recovery',
  ],
  /** app/(member), on every member page. */
  member: [],
  /** app/(member)/spaces: the list and a space's page, whose only client words are the join form's (spaces/join-form.tsx). */
  spaces: ['discussions.space.joinMessage', 'discussions.space.joinSending', 'discussions.space.joinSubmit'],
  /** app/(member)/threads: the reply editor and a post's chrome. */
  discussions: [
    ...EDITOR,
    // A thread's posts (threads/[id]/post.tsx): only the words of a post's chrome, not the whole thread namespace.
    'discussions.thread.postBy',
    'discussions.thread.permalink',
    'discussions.thread.actionsFor',
    'discussions.thread.quote',
    'discussions.thread.edit',
    'discussions.thread.report',
    'discussions.thread.history',
    'discussions.thread.delete',
    'discussions.thread.deleteConfirm',
    'discussions.thread.removed',
    'discussions.thread.hiddenPlaceholder',
    'discussions.thread.hiddenReason',
    'discussions.thread.formerMemberOrganisation',
    'discussions.badges.edited',
    'discussions.moderation.hiddenNow',
    'discussions.chatham.youAs',
  ],
  /**
   * A new thread's page (spaces/[slug]/new) and a thread's marking form, which only its author and
   * moderators get (threads/[id]/page.tsx gives it its own provider): the discussions' words and the TLP
   * marking fields' (1.9 KB a reader of a thread does not need).
   */
  discussionsMarked: [...EDITOR, 'common.tlp'],
  /** A post's edit, history and report pages (threads/[id]/posts): the editor and reporting. */
  discussionPost: [...EDITOR, 'discussions.report'],
  /** app/(member)/resources: the list, whose only client words are its organisation type-ahead's. */
  resources: ['resources.organisationFilter'],
  /** app/(member)/resources/new and /resources/[id] (MEMBER_SUBSEGMENTS): a resource, its forms and files. */
  resourceForms: ['resources.detail', 'resources.form', 'resources.types', 'resources.visibility', 'identifying', 'common.tlp'],
  /** app/(member)/settings. */
  settings: ['profile', 'settings', 'notify.settings', 'privacy.delete', 'security.keys', 'security.recovery'],
  /** app/(member)/messages: the post editor serves messages too. */
  messages: ['messages.attachments', 'messages.conversation', 'messages.group', 'messages.live', 'messages.new', 'messages.report', ...EDITOR],
  /** app/(member)/organisations. */
  organisations: ['directory.editOrganisation', 'directory.logo', 'people.invite'],
  /** app/admin: the Secretariat's console. */
  admin: [
    'admin.applications',
    'admin.organisation',
    'admin.user',
    'blocklist',
    'common.roles',
    'guidelines.admin',
    'reverification.admin',
    'directory.expertise',
    'discussions.access',
    'discussions.admin',
    'discussions.editor',
    'discussions.wellbeing',
    'people.settings',
  ],
} as const;
export type ClientArea = Exclude<keyof typeof CLIENT_MESSAGES, 'shared'>;

/**
 * Client components of app/_components that only some areas render: their messages travel with those areas'
 * pages instead of every page (client-messages.test.ts checks them in each area listed).
 */
export const COMPONENT_AREAS: Record<string, readonly ClientArea[]> = {
  'app/_components/security-key.tsx': ['public', 'settings'],
  'app/_components/recovery-codes.tsx': ['public', 'settings'],
  'app/(member)/_components/marking-fields.tsx': ['discussionsMarked', 'resourceForms'],
  'app/(member)/threads/[id]/marking-form.tsx': ['discussionsMarked'],
  'app/(member)/threads/_components/forms.tsx': ['discussions', 'discussionsMarked', 'discussionPost'],
  'app/(member)/resources/_components/file-upload.tsx': ['resourceForms'],
  'app/(member)/resources/_components/metadata-fields.tsx': ['resourceForms'],
};

/** The folders of app/(member) whose layout adds an area of its own to the member area's messages. */
export const MEMBER_SEGMENTS = {
  spaces: 'spaces',
  threads: 'discussions',
  resources: 'resources',
  settings: 'settings',
  organisations: 'organisations',
  messages: 'messages',
} as const satisfies Record<string, ClientArea>;

/**
 * Folders below a member segment whose own layout hands over an area instead of the segment's (a nested
 * provider replaces its parent's messages): the resource list carries only its filter's words, a
 * resource's page and forms the rest (issue 17: 6 KB of form words were on every list page); the spaces'
 * list and pages only the join form's, a new thread's page the editor's (7 KB were on every space page),
 * a thread's page no reporting words (a post is reported on its own page).
 */
export const MEMBER_SUBSEGMENTS = {
  'resources/new': 'resourceForms',
  'resources/[id]': 'resourceForms',
  'spaces/[slug]/new': 'discussionsMarked',
  'threads/[id]/posts': 'discussionPost',
} as const satisfies Record<string, ClientArea>;
type MemberSegmentArea = (typeof MEMBER_SEGMENTS)[keyof typeof MEMBER_SEGMENTS] | (typeof MEMBER_SUBSEGMENTS)[keyof typeof MEMBER_SUBSEGMENTS];
const isMemberSegment = (area: ClientArea): area is MemberSegmentArea =>
  [...Object.values(MEMBER_SEGMENTS), ...Object.values(MEMBER_SUBSEGMENTS)].includes(area as MemberSegmentArea);

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

/**
 * Two trees as one: a key only one of them has keeps that tree's object (the same object, not a copy); a key
 * both have as subtrees is merged the same way, one level down.
 */
function mergeTrees(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = typeof mine === 'object' && typeof value === 'object' ? mergeTrees(mine, value) : value;
  }
  return out;
}

/** The catalogues never change while the process runs: each (language, list) and (language, area) is picked once, not on every request. */
const picks = new Map<string, Tree>();

function picked(key: string, make: () => Tree): Tree {
  let tree = picks.get(key);
  if (!tree) picks.set(key, (tree = make()));
  return tree;
}

/**
 * What a NextIntlClientProvider hands to the browser: only the viewer's locale, only what the area's
 * client components translate. Every area's tree is built from the same picked lists, which are the
 * catalogue's own objects where a whole namespace is listed, and the shared list's tree is the same object
 * in every area that adds nothing to a namespace it has; so nested providers repeating the shared words
 * cost a reference in the page's data, not a copy (issue 17: the error panels' words travelled three times
 * on a thread's page). A member area with no words of its own hands over the shared tree itself.
 */
export function clientMessagesFor(locale: Locale, area?: ClientArea): Tree {
  return picked(`${locale} ${area ?? ''}`, () => {
    const list = (name: keyof typeof CLIENT_MESSAGES) =>
      picked(`${locale} :${name}`, () => pickMessages(messagesFor(locale) as unknown as Tree, CLIENT_MESSAGES[name]));
    const names = [...(area && isMemberSegment(area) ? (['member'] as const) : []), ...(area ? [area] : [])];
    return names.filter((name) => CLIENT_MESSAGES[name].length > 0).reduce((tree, name) => mergeTrees(tree, list(name)), list('shared'));
  });
}
