import 'server-only';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { HIGHLIGHT_START, HIGHLIGHT_STOP, LESS_THAN_STAND_IN } from '@/lib/html';

/**
 * Search snippets, one way for every search: ts_headline marks the matches in the original text with
 * private-use markers, and the application turns the result into safe HTML with highlightToHtml
 * (lib/html.ts), which escapes the text before it adds <mark>. Before marking, any such characters are
 * removed from the text and "<" is swapped for a stand-in, so the text parser sees no tags (it would
 * drop them from the headline). The `simple_unaccent` configuration (migration 0009) unaccents the
 * words of the text, so a search for "financiere" marks "financière".
 */
export function headline(text: SQL | AnyColumn, query: SQL, options: string): SQL<string> {
  const clean = sql`translate(${text}, ${`<${HIGHLIGHT_START}${HIGHLIGHT_STOP}${LESS_THAN_STAND_IN}`}, ${LESS_THAN_STAND_IN})`;
  return sql<string>`ts_headline('simple_unaccent', ${clean}, ${query}, ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, ${options}`})`;
}
