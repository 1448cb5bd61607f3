/**
 * Access: the choices the resource forms and the list's filters offer. Topics and active organisations
 * are the same for every member; the list's organisation type-ahead offers only organisations with a
 * resource the viewer may see (`resourceAccess`).
 */
import 'server-only';
import { and, asc, desc, eq, exists, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { expertiseAreas, organisations, resources, type Sector } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { fuzzyNameMatch, nameSimilarity } from '@/lib/dal/matching';
import { isUuid } from '@/lib/dal/pagination';
import { resourceAccess } from './access';

/** The controlled list of topics (the expertise areas members pick on their profiles). */
export async function topicOptions(): Promise<{ slug: string; label: string }[]> {
  return getDb()
    .select({ slug: expertiseAreas.slug, label: expertiseAreas.label })
    .from(expertiseAreas)
    .orderBy(asc(expertiseAreas.position), asc(expertiseAreas.label))
    .limit(500);
}

/**
 * Organisations with at least one resource the viewer may see, whose name matches `q` (the resource
 * list's organisation filter, a type-ahead), closest first; or, given `id`, that one organisation.
 */
export async function contributingOrganisations(
  viewer: Viewer,
  match: { q: string } | { id: string },
  limit = 10,
): Promise<{ id: string; name: string; sector: Sector; country: string | null }[]> {
  const visible = getDb()
    .select({ one: sql`1` })
    .from(resources)
    .where(and(eq(resources.organisationId, organisations.id), resourceAccess(viewer)));
  const q = 'q' in match ? match.q.trim() : '';
  if ('q' in match ? q.length < 2 : !isUuid(match.id)) return [];
  return getDb()
    .select({ id: organisations.id, name: organisations.name, sector: organisations.sector, country: organisations.country })
    .from(organisations)
    .where(
      and(
        eq(organisations.status, 'active'),
        'id' in match ? eq(organisations.id, match.id) : fuzzyNameMatch(organisations.name, q),
        exists(visible),
      ),
    )
    .orderBy(...(q ? [desc(nameSimilarity(organisations.name, q))] : []), asc(organisations.name))
    .limit(limit);
}

/** Organisations an admin's "on behalf of" choice can name (active ones, by name). */
export async function organisationOptions(): Promise<{ id: string; name: string }[]> {
  return getDb()
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.status, 'active'))
    .orderBy(asc(organisations.name))
    .limit(2000);
}
