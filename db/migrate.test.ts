import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from './index';
import { auditLog } from './schema';

describe('migrations', () => {
  it('make the audit log append-only', async () => {
    const db = getDb();
    const [row] = await db.insert(auditLog).values({ action: 'test.event' }).returning();
    expect(row?.id).toBeGreaterThan(0);
    await expect(db.update(auditLog).set({ action: 'changed' })).rejects.toThrow();
    await expect(db.delete(auditLog)).rejects.toThrow();
    const rows = await db.select().from(auditLog);
    expect(rows.map((r) => r.action)).toEqual(['test.event']);
  });

  it('provide unaccent and trigram similarity for names', async () => {
    const db = getDb();
    const [row] = await db
      .select({ plain: sql<string>`immutable_unaccent('Sécurité Numérique')`, sim: sql<number>`similarity('international', 'internatonal')` })
      .from(sql`(select 1) as one`);
    expect(row?.plain).toBe('Securite Numerique');
    expect(Number(row?.sim)).toBeGreaterThan(0.5);
  });
});
