import 'server-only';
import { like } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { getDb, type Tx } from '@/db';

/** A URL slug: ASCII letters and digits joined by dashes, accents folded; '' when nothing is left. */
export function slugify(text: string, maxLength = 100): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/**
 * A slug for a new row of `table`, from its name (or `fallback` when the name has no letter or digit
 * a URL can carry: "مساحة" or "###"), numbered when the plain one is taken.
 */
export async function uniqueSlug(target: { table: PgTable; slug: PgColumn }, name: string, fallback: string, tx?: Tx): Promise<string> {
  const base = slugify(name) || fallback;
  const rows = await (tx ?? getDb())
    .select({ slug: target.slug })
    .from(target.table)
    .where(like(target.slug, `${base}%`));
  const taken = new Set(rows.map((r) => r.slug as string));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
