/**
 * Mentions show the mentioned person's CURRENT name (decision 022). A mention is cooked, when the post is
 * written, into `<a href="/people/<id>" …>@Name as typed</a>` (./mentions.ts, lib/markdown); when posts are
 * read, the text of each such anchor is replaced with "@" and the person's name now, from one query per
 * page of posts. Only people the viewer may see (personAccess, lib/dal/directory/access.ts) are renamed;
 * anyone else (unlisted, suspended, deleted) keeps the text as typed, which says no more than the author
 * wrote. The stored cooked HTML is never changed.
 */
import 'server-only';
import { and, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { personAccess } from '@/lib/dal/directory/access';

/** A cooked mention: an anchor to a person's page whose text (no markup inside) starts with "@". */
const MENTION_ANCHOR = /(<a href="\/people\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"[^>]*>)@[^<]*(<\/a>)/gi;
const MAX_PEOPLE = 500;

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The items with each mention's text set to the person's current name (one batch query for all of them). */
export async function withCurrentMentionNames<T extends { cooked: string | null }>(viewer: Viewer, items: T[]): Promise<T[]> {
  const ids = new Set<string>();
  for (const item of items) for (const match of item.cooked?.matchAll(MENTION_ANCHOR) ?? []) ids.add(match[2]!.toLowerCase());
  if (!ids.size) return items;
  const people = await getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.id, [...ids].slice(0, MAX_PEOPLE)), personAccess(viewer)));
  const names = new Map(people.map((p) => [p.id.toLowerCase(), p.name]));
  if (!names.size) return items;
  return items.map((item) =>
    item.cooked === null
      ? item
      : {
          ...item,
          cooked: item.cooked.replace(MENTION_ANCHOR, (whole, open: string, id: string, close: string) => {
            const name = names.get(id.toLowerCase());
            return name === undefined ? whole : `${open}@${escapeHtml(name)}${close}`;
          }),
        },
  );
}
