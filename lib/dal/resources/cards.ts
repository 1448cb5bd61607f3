/**
 * Links to resources shown as cards (decision 027): at read time, the ids of the `/resources/<id>` links
 * in a page of cooked HTML (relative, or absolute on the portal's own APP_URL) are looked up in ONE query
 * under `resourceAccess(viewer)` (./access.ts). A resource the reader may not see gets no card: the link
 * stays a plain link, which says no more than its author wrote. The stored HTML is never changed.
 */
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations, resources, type ResourceType } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { config } from '@/lib/config';
import { resourceAccess } from './access';

/** At most this many cards under one message or post. */
const CARDS_PER_ITEM = 5;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface ResourceCard {
  id: string;
  title: string;
  type: ResourceType;
  organisationName: string;
}

/** The resource ids an item's cooked HTML links to, in order, once each, at most five. */
export function linkedResourceIds(html: string | null): string[] {
  if (!html) return [];
  const origin = escapeRegExp(new URL(config().APP_URL).origin);
  const link = new RegExp(`<a href="(?:${origin})?/resources/(${UUID})[/?#"]`, 'gi');
  const ids: string[] = [];
  for (const match of html.matchAll(link)) {
    const id = match[1]!.toLowerCase();
    if (!ids.includes(id)) ids.push(id);
    if (ids.length === CARDS_PER_ITEM) break;
  }
  return ids;
}

/** The cards of each item (by the item's `id`) for the resources its links name that the viewer may see; one query. */
export async function resourceCardsOf(viewer: Viewer, items: { id: string; cooked: string | null }[]): Promise<Map<string, ResourceCard[]>> {
  const linked = new Map(items.map((item) => [item.id, linkedResourceIds(item.cooked)]));
  const all = [...new Set([...linked.values()].flat())];
  const out = new Map<string, ResourceCard[]>();
  if (!all.length) return out;
  const rows = await getDb()
    .select({ id: resources.id, title: resources.title, type: resources.type, organisationName: organisations.name })
    .from(resources)
    .innerJoin(organisations, eq(organisations.id, resources.organisationId))
    .where(and(inArray(resources.id, all), resourceAccess(viewer)));
  const byId = new Map(rows.map((r) => [r.id.toLowerCase(), r]));
  for (const [itemId, ids] of linked) {
    const cards = ids.map((id) => byId.get(id)).filter((card): card is ResourceCard => card !== undefined);
    if (cards.length) out.set(itemId, cards);
  }
  return out;
}
