import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { executeRows, getDb } from '@/db';
import { audit } from './index';

/**
 * The runtime role of db/roles/app-role.sql (the grants the README shows), on a real Postgres: it can
 * write and read the audit log, never change it or switch its trigger off. PGlite has one superuser and
 * no roles to speak of, so this runs where the suite runs on Postgres (CI runs both).
 */
const template = inject('postgresTemplate');

describe.skipIf(!template)('the app role on Postgres (DATABASE_MIGRATION_URL for migrations, another role for the app)', () => {
  it('may only INSERT and SELECT the audit log, and cannot disable its trigger', async () => {
    const [{ db: name } = { db: '' }] = await executeRows<{ db: string }>(getDb(), sql`select current_database() as db`);
    const role = `pp_app_${randomBytes(4).toString('hex')}`;
    const grants = readFileSync(path.join(process.cwd(), 'db/roles/app-role.sql'), 'utf8').replaceAll('portal_app', role);
    const ownerUrl = new URL(template);
    ownerUrl.pathname = `/${name}`;
    const owner = postgres(ownerUrl.toString(), { max: 1, onnotice: () => {} });
    await owner.unsafe(grants);
    await audit({ action: 'auth.sign_in', ip: '203.0.113.7' });
    const appUrl = new URL(ownerUrl);
    appUrl.username = role;
    appUrl.password = '';
    const app = postgres(appUrl.toString(), { max: 1, onnotice: () => {} });
    try {
      await app`insert into audit_log (action, details) values ('auth.sign_out', '{}')`;
      expect((await app`select count(*)::int as n from audit_log`)[0]!.n).toBeGreaterThanOrEqual(2);
      // Ordinary tables stay writable.
      await app`update rate_limits set points = points where false`;
      const refused = async (statement: string) => {
        const error = await app.unsafe(statement).then(
          () => null,
          (e: { code?: string }) => e,
        );
        expect(error, statement).toMatchObject({ code: '42501' });
      };
      await refused('alter table audit_log disable trigger audit_log_no_update_delete');
      await refused('alter table audit_log disable trigger all');
      await refused("update audit_log set action = 'auth.sign_in'");
      await refused('delete from audit_log');
      await refused('truncate audit_log');
      await refused('drop trigger audit_log_no_update_delete on audit_log');
    } finally {
      await app.end();
      await owner.unsafe(`DROP OWNED BY ${role}`);
      await owner.unsafe(`DROP ROLE ${role}`);
      await owner.end();
    }
  });
});
