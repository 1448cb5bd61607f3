import 'server-only';
import { or, sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * Text matching for names and titles, one way everywhere: case and accents folded with
 * `immutable_unaccent(lower(…))`, the expression the trigram indexes are built on (db/migrations), so
 * every match below can use them.
 */

/** A LIKE pattern that matches `text` anywhere, with LIKE's own wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The folded form of a column, as the trigram indexes hold it. */
export function folded(column: SQL | AnyColumn): SQL {
  return sql`immutable_unaccent(lower(${column}))`;
}

/** `column` contains `text`, ignoring case and accents. */
export function containsText(column: SQL | AnyColumn, text: string): SQL {
  return sql`${folded(column)} like immutable_unaccent(lower(${containsPattern(text)}))`;
}

/**
 * A name match that forgives accents, case and typos: it contains `text`, or `text` is close to a word
 * of it (pg_trgm word similarity, `<%`).
 */
export function fuzzyNameMatch(column: SQL | AnyColumn, text: string): SQL {
  return or(containsText(column, text), sql`immutable_unaccent(lower(${text})) <% ${folded(column)}`)!;
}

/** How close `text` is to a word of the name, for ordering type-ahead results (higher is closer). */
export function nameSimilarity(column: SQL | AnyColumn, text: string): SQL<number> {
  return sql<number>`word_similarity(immutable_unaccent(lower(${text})), ${folded(column)})`;
}
