import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema';
import { audit } from './index';
import { canonicalJson, chainHash, GENESIS, verifyAuditChain } from './chain';
import { tamper } from '@/testing/audit';

describe('the audit hash chain', () => {
  it('encodes a row canonically: key order does not matter, values do', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    const row = {
      at: new Date('2026-01-01T00:00:00Z'),
      actorId: null,
      action: 'auth.sign_in',
      targetType: null,
      targetId: null,
      ip: null,
      details: { a: 1 },
    };
    expect(chainHash(GENESIS, row)).toBe(chainHash(GENESIS, { ...row, details: { a: 1 } }));
    expect(chainHash(GENESIS, row)).not.toBe(chainHash(GENESIS, { ...row, details: { a: 2 } }));
    expect(chainHash(GENESIS, row)).not.toBe(chainHash('1'.repeat(64), row));
  });

  it('links every row to the one before, even when many are written at once, and verifies', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        audit({ action: 'auth.sign_in_failed', ip: `203.0.113.${i}`, details: { reason: 'invalid', nested: { n: i, list: [i, 'x'] } } }),
      ),
    );
    await getDb().transaction(async (tx) => {
      await audit({ action: 'auth.sign_in', ip: '203.0.113.99' }, tx);
      await audit({ action: 'auth.sign_out', ip: '203.0.113.99' }, tx);
    });
    const rows = await getDb().select().from(auditLog).orderBy(auditLog.id);
    expect(rows.length).toBeGreaterThanOrEqual(14);
    expect(rows[0]!.prevHash).toBe(GENESIS);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditChain(5)).toEqual({ ok: true, rows: rows.length, unchained: 0 });
  });

  it('finds a row edited directly in the database, naming it', async () => {
    const rows = await getDb().select().from(auditLog).orderBy(auditLog.id);
    const victim = rows[5]!;
    await tamper(sql`update audit_log set details = '{"reason":"nothing to see"}'::jsonb where id = ${victim.id}`);
    expect(await verifyAuditChain(4)).toMatchObject({ ok: false, brokenAt: victim.id, reason: 'hash' });

    // Recomputing that row's hash does not help: the next row's link gives it away.
    const [edited] = await getDb().select().from(auditLog).where(eq(auditLog.id, victim.id));
    await tamper(sql`update audit_log set hash = ${chainHash(edited!.prevHash!, edited!)} where id = ${victim.id}`);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAt: rows[6]!.id, reason: 'link' });
  });

  it('finds a removed row, and a row slipped in without the chain', async () => {
    await tamper(sql`delete from audit_log`);
    await audit({ action: 'auth.sign_in' });
    await audit({ action: 'auth.sign_out' });
    await audit({ action: 'auth.sign_in' });
    const rows = await getDb().select().from(auditLog).orderBy(auditLog.id);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, rows: 3 });
    await tamper(sql`delete from audit_log where id = ${rows[1]!.id}`);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAt: rows[2]!.id, reason: 'link' });

    await tamper(sql`delete from audit_log`);
    await audit({ action: 'auth.sign_in' });
    const [slipped] = await getDb().insert(auditLog).values({ action: 'auth.sign_in' }).returning({ id: auditLog.id });
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAt: slipped!.id, reason: 'missing' });
  });

  it('counts rows written before the chain existed without failing on them', async () => {
    await tamper(sql`delete from audit_log`);
    await getDb()
      .insert(auditLog)
      .values([{ action: 'auth.sign_in' }, { action: 'auth.sign_out' }]);
    await audit({ action: 'auth.sign_in' });
    expect(await verifyAuditChain()).toEqual({ ok: true, rows: 3, unchained: 2 });
  });
});
