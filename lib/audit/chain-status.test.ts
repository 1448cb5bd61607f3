import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema';
import { tamper } from '@/testing/audit';
import { audit } from './index';
import { checkAuditChainFully, currentAuditChainStatus } from './chain-status';

const ids = async () => (await getDb().select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id)).map((r) => Number(r.id));

describe("the audit page's chain status", () => {
  it('walks the whole chain once, then only the rows written since, each visit', async () => {
    for (let i = 0; i < 5; i++) await audit({ action: 'auth.sign_in', ip: `203.0.113.${i}` });
    const first = await currentAuditChainStatus();
    expect(first).toMatchObject({ ok: true, rows: 5, unchained: 0 });

    await audit({ action: 'auth.sign_out' });
    await audit({ action: 'auth.sign_in' });
    const later = await currentAuditChainStatus();
    expect(later).toMatchObject({ ok: true, rows: 7 });
    // Still the first full walk: the new rows were checked from where it ended.
    expect(later.fullCheckAt.getTime()).toBe(first.fullCheckAt.getTime());
  });

  it('finds at once a row written since the last full walk that breaks the chain', async () => {
    await checkAuditChainFully();
    await audit({ action: 'auth.sign_in' });
    const [fresh] = (await ids()).slice(-1);
    await tamper(sql`update audit_log set details = '{"edited":true}'::jsonb where id = ${fresh}`);
    expect(await currentAuditChainStatus()).toMatchObject({ ok: false, brokenAt: fresh, reason: 'hash' });
  });

  it('finds an edit of an older row at the next full walk, and says so until the chain is repaired', async () => {
    await tamper(sql`delete from audit_log`);
    for (let i = 0; i < 4; i++) await audit({ action: 'auth.sign_in' });
    expect(await checkAuditChainFully()).toMatchObject({ ok: true, rows: 4 });
    const [, victim] = await ids();
    await tamper(sql`update audit_log set ip = '198.51.100.1' where id = ${victim}`);
    const full = await checkAuditChainFully();
    expect(full).toMatchObject({ ok: false, brokenAt: victim, reason: 'hash' });
    expect(await currentAuditChainStatus()).toMatchObject({ ok: false, brokenAt: victim });
  });

  it('notices when the row the last walk ended on was removed', async () => {
    await tamper(sql`delete from audit_log`);
    for (let i = 0; i < 3; i++) await audit({ action: 'auth.sign_in' });
    await checkAuditChainFully();
    const last = (await ids()).at(-1)!;
    await tamper(sql`delete from audit_log where id = ${last}`);
    expect(await currentAuditChainStatus()).toMatchObject({ ok: false, brokenAt: last });
  });
});
