import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations } from '@/db/schema';
import { fuzzyNameMatch, nameSimilarity } from '@/lib/dal/matching';

/**
 * Access: anyone registering may look up member organisations by name (the alliance publishes its
 * member list). Only active, non-Secretariat organisations; only id, name, sector and country.
 */
export async function findMemberOrganisations(query: string, limit = 10) {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  return getDb()
    .select({ id: organisations.id, name: organisations.name, sector: organisations.sector, country: organisations.country })
    .from(organisations)
    .where(and(eq(organisations.status, 'active'), eq(organisations.isSecretariat, false), fuzzyNameMatch(organisations.name, q)))
    .orderBy(desc(nameSimilarity(organisations.name, q)), organisations.name)
    .limit(limit);
}
