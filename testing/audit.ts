import { sql } from 'drizzle-orm';
import { getDb } from '@/db';

/** Edits the audit table around its append-only trigger, as only its owner (a superuser, a migration role) could. */
export async function tamper(statement: ReturnType<typeof sql>) {
  const db = getDb();
  await db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
  try {
    await db.execute(statement);
  } finally {
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  }
}
