import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { plannedOnce, wrapPostgres } from '@/db/index';

describe('prepared statements (Postgres)', () => {
  it('tells full-text matches from statements one plan serves', () => {
    expect(plannedOnce('select "id" from "users" where "users"."id" = $1')).toBe(true);
    expect(plannedOnce('select "id" from "posts" where "posts"."search_vector" @@ websearch_to_tsquery($1)')).toBe(false);
  });

  // Only a Postgres server keeps prepared statements (PGlite's queries go through its own path).
  it.skipIf(!inject('postgresTemplate'))('keeps parameterised statements prepared, but not full-text matches', async () => {
    const admin = new URL(inject('postgresTemplate'));
    admin.pathname = '/postgres';
    const server = postgres(admin.toString(), { max: 1, onnotice: () => {} });
    const name = `pp_t_${process.ppid}_${randomBytes(6).toString('hex')}`;
    await server.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const handle = wrapPostgres(url.toString(), 1);
    try {
      for (let i = 0; i < 2; i++) {
        await handle.db.execute(sql`select ${i}::int as plain`);
        await handle.db.execute(
          sql`select ${i}::int as matched where to_tsvector('simple', 'child safety') @@ plainto_tsquery('simple', ${'safety'})`,
        );
      }
      const prepared = (await handle.db.execute(sql`select statement from pg_prepared_statements`)) as unknown as { statement: string }[];
      const statements = prepared.map((row) => row.statement);
      expect(statements.some((s) => s.includes('as plain'))).toBe(true);
      expect(statements.some((s) => s.includes('as matched'))).toBe(false);
    } finally {
      await handle.close();
      await server.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.end();
    }
  });
});
