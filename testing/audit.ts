import { and, eq, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditLog, files, organisations, resourceDownloads } from '@/db/schema';

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

/** Audit rows written straight into the table (outside the chain), for tests of lists and exports; their ids. */
export async function insertAuditRows(rows: (typeof auditLog.$inferInsert)[]): Promise<number[]> {
  const inserted = await getDb().insert(auditLog).values(rows).returning({ id: auditLog.id });
  return inserted.map((r) => Number(r.id));
}

/** The audit rows of one action, oldest first, narrowed to an actor and/or a target when given. */
export function auditRowsOf(action: string, { actorId, targetId }: { actorId?: string; targetId?: string } = {}) {
  const where: SQL[] = [eq(auditLog.action, action)];
  if (actorId) where.push(eq(auditLog.actorId, actorId));
  if (targetId) where.push(eq(auditLog.targetId, targetId));
  return getDb()
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(auditLog.id);
}

/** How many rows a resource's download trail holds. */
export async function downloadTrailLength(resourceId: string): Promise<number> {
  return (await getDb().select({ id: resourceDownloads.resourceId }).from(resourceDownloads).where(eq(resourceDownloads.resourceId, resourceId)))
    .length;
}

/** How many files are stored (rows of `files`). */
export async function storedFileCount(): Promise<number> {
  return (await getDb().select({ id: files.id }).from(files)).length;
}

/** An organisation's logo file id (null without one). */
export async function logoFileOf(organisationId: string): Promise<string | null> {
  const [row] = await getDb().select({ logo: organisations.logoFileId }).from(organisations).where(eq(organisations.id, organisationId));
  return row?.logo ?? null;
}
