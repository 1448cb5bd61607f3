import 'server-only';
import { like } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { organisations } from '@/db/schema';

export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return base || 'organisation';
}

/** A slug for a new organisation, numbered when the plain one is taken. */
export async function uniqueSlug(name: string, tx?: Tx): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await (tx ?? getDb()).select({ slug: organisations.slug }).from(organisations).where(like(organisations.slug, `${base}%`))).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
