import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { executeRows, getDb, plannedOnce, wrapPostgres } from '@/db/index';

const template = inject('postgresTemplate');

describe('prepared statements (Postgres)', () => {
  it('tells full-text matches from statements one plan serves', () => {
    expect(plannedOnce('select "id" from "users" where "users"."id" = $1')).toBe(true);
    expect(plannedOnce('select "id" from "posts" where "posts"."search_vector" @@ websearch_to_tsquery($1)')).toBe(false);
  });

  // Only a Postgres server keeps prepared statements (PGlite's queries go through its own path). One
  // connection to this file's database, so the statements it prepared are the ones it lists.
  it.skipIf(!template)('keeps parameterised statements prepared, but not full-text matches', async () => {
    const [{ db: name } = { db: '' }] = await executeRows<{ db: string }>(getDb(), sql`select current_database() as db`);
    const url = new URL(template);
    url.pathname = `/${name}`;
    const handle = wrapPostgres(url.toString(), 1);
    try {
      for (let i = 0; i < 2; i++) {
        await handle.db.execute(sql`select ${i}::int as plain`);
        await handle.db.execute(
          sql`select ${i}::int as matched where to_tsvector('simple', 'child safety') @@ plainto_tsquery('simple', ${'safety'})`,
        );
      }
      const prepared = await executeRows<{ statement: string }>(handle.db, sql`select statement from pg_prepared_statements`);
      const statements = prepared.map((row) => row.statement);
      expect(statements.some((s) => s.includes('as plain'))).toBe(true);
      expect(statements.some((s) => s.includes('as matched'))).toBe(false);
    } finally {
      await handle.close();
    }
  });
});
