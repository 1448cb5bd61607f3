import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations } from '@/db/schema';

/**
 * ACCESS RULE: anyone registering may look up member organisations by name (the alliance publishes its
 * member list). Only active, non-Secretariat organisations; only id, name, sector and country.
 */
export async function findMemberOrganisations(query: string, limit = 10) {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  const name = sql`immutable_unaccent(lower(${organisations.name}))`;
  const term = sql`immutable_unaccent(${q})`;
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  return getDb()
    .select({ id: organisations.id, name: organisations.name, sector: organisations.sector, country: organisations.country })
    .from(organisations)
    .where(
      and(
        eq(organisations.status, 'active'),
        eq(organisations.isSecretariat, false),
        sql`(${name} like '%' || immutable_unaccent(${escaped}) || '%' or ${term} <% ${name})`,
      ),
    )
    .orderBy(sql`word_similarity(${term}, ${name}) desc`, organisations.name)
    .limit(limit);
}
