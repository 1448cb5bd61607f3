/**
 * Keyset pagination shared by the lists of lib/dal. No access rules live here: every list that uses it
 * checks its viewer first. A cursor is opaque to the page (base64url JSON: a direction and the key of a
 * row) and comes from the URL, so it is validated; anything malformed, oversized or stale simply means
 * "the first page", never an error.
 */
import 'server-only';
import { asc, desc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { CURSOR_MAX_LENGTH } from '@/lib/validation/query';
import { stripControlCharacters } from '@/lib/validation/text';

const PAGE_SIZE = 25;

export interface Page<T> {
  items: T[];
  /** Cursor of the following page, or null on the last one. */
  next: string | null;
  /** Cursor of the preceding page, or null on the first one. */
  previous: string | null;
}

type Direction = 'after' | 'before';
const directionSchema = z.enum(['after', 'before']);

export function encodeCursor(direction: Direction, key: unknown): string {
  return Buffer.from(JSON.stringify({ d: direction, k: key })).toString('base64url');
}

export function decodeCursor<K>(raw: string | null | undefined, key: z.ZodType<K>): { direction: Direction; key: K } | null {
  if (!raw || raw.length > CURSOR_MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  try {
    const parsed = z.object({ d: directionSchema, k: key }).safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? { direction: parsed.data.d, key: parsed.data.k } : null;
  } catch {
    return null;
  }
}

/**
 * A timestamptz as an ISO string with microseconds, in UTC. Cursors carry this rather than a JS Date,
 * which would drop the microseconds Postgres keeps and make a page repeat the row it ended on.
 */
export function isoMicros(column: AnyColumn | SQL): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** A cursor timestamp as isoMicros writes it, and a real date (so Postgres can always cast it). */
export const cursorTimestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
  .refine((v) => {
    const ms = `${v.slice(0, 23)}Z`;
    const date = new Date(ms);
    return !Number.isNaN(date.getTime()) && date.toISOString() === ms;
  });

const cursorUuid = z.uuid();

/** Keys of the lists: [timestamp, uuid] (oldest or newest first) and [name, uuid] (alphabetical). */
export const timeIdKey = z.tuple([cursorTimestamp, cursorUuid]);
/** A name as the database keeps it: at most 200 characters (code points, up to 400 UTF-16 units), no control character. */
const cursorName = z
  .string()
  .max(400)
  .refine((v) => Array.from(v).length <= 200 && stripControlCharacters(v) === v);
export const nameIdKey = z.tuple([cursorName, cursorUuid]);

/** Where the page starts: after (or, going back, before) `key`; a null key is the first page. */
export interface Seek<K> {
  key: K | null;
  backward: boolean;
}

/**
 * The WHERE and ORDER BY of one keyset step over two columns sorted the same way (a row comparison,
 * which an index on both columns serves). `values` are the key as SQL (with casts).
 */
export function seekClause(
  columns: [AnyColumn | SQL, AnyColumn | SQL],
  values: [SQL, SQL] | null,
  order: 'asc' | 'desc',
  backward: boolean,
): { where: SQL | undefined; orderBy: SQL[] } {
  const ascending = (order === 'asc') !== backward;
  const [a, b] = columns;
  return {
    where: values ? sql`(${a}, ${b}) ${sql.raw(ascending ? '>' : '<')} (${values[0]}, ${values[1]})` : undefined,
    orderBy: columns.map((c) => (ascending ? asc(c) : desc(c))),
  };
}

/**
 * Runs one page of a keyset list. `fetch` returns up to `limit` rows from the seek position, in list
 * order going forward and in reverse going backward. Going back past the start, or forward past the end
 * (rows removed meanwhile), shows the first page instead of an empty one.
 */
export async function keysetPage<T, K>(options: {
  cursor: string | null | undefined;
  key: z.ZodType<K>;
  fetch: (seek: Seek<K>, limit: number) => Promise<T[]>;
  keyOf: (row: T) => K;
  size?: number;
}): Promise<Page<T>> {
  const size = options.size ?? PAGE_SIZE;
  const decoded = decodeCursor(options.cursor, options.key);
  const first = async (): Promise<Page<T>> => {
    const rows = await options.fetch({ key: null, backward: false }, size + 1);
    const items = rows.slice(0, size);
    return { items, next: rows.length > size ? encodeCursor('after', options.keyOf(items.at(-1)!)) : null, previous: null };
  };
  if (!decoded) return first();

  if (decoded.direction === 'before') {
    const rows = await options.fetch({ key: decoded.key, backward: true }, size + 1);
    if (rows.length <= size) return first();
    const items = rows.slice(0, size).reverse();
    return {
      items,
      next: encodeCursor('after', options.keyOf(items.at(-1)!)),
      previous: encodeCursor('before', options.keyOf(items[0]!)),
    };
  }

  const rows = await options.fetch({ key: decoded.key, backward: false }, size + 1);
  if (rows.length === 0) return first();
  const items = rows.slice(0, size);
  return {
    items,
    next: rows.length > size ? encodeCursor('after', options.keyOf(items.at(-1)!)) : null,
    previous: encodeCursor('before', options.keyOf(items[0]!)),
  };
}

export function isUuid(value: string): boolean {
  return cursorUuid.safeParse(value).success;
}
