import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A descending index column must be NULLS FIRST, as `order by … desc` means: Postgres cannot walk a
 * `DESC NULLS LAST` index for that order, so such an index served no query (the space page sorted every
 * thread, the audit log and notification lists sorted every row). Drizzle's bare `.desc()` builds NULLS
 * LAST: write `.desc().nullsFirst()` (decision 026). Read from the latest migration snapshot.
 */
describe('indexes', () => {
  it('have no descending column that sorts nulls last', () => {
    const dir = path.resolve('db/migrations/meta');
    const latest = readdirSync(dir)
      .filter((f) => f.endsWith('_snapshot.json'))
      .sort()
      .at(-1)!;
    const snapshot = JSON.parse(readFileSync(path.join(dir, latest), 'utf8')) as {
      tables: Record<string, { indexes: Record<string, { columns: { expression: string; asc: boolean; nulls: string }[] }> }>;
    };
    const wrong = Object.values(snapshot.tables).flatMap((table) =>
      Object.entries(table.indexes).flatMap(([name, index]) =>
        index.columns.filter((c) => !c.asc && c.nulls === 'last').map((c) => `${name}.${c.expression}`),
      ),
    );
    expect(Object.keys(snapshot.tables).length).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });
});
