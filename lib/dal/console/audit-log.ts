/**
 * Access for reading the audit log. Admins only: every function takes the viewer first and calls
 * assertConsoleAccess (./access.ts) before it reads; to anyone else the log does not exist (NotFoundError). Rows are written
 * by lib/audit and never changed (a database trigger refuses UPDATE and DELETE).
 */
import 'server-only';
import { and, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { auditLog, organisations, users } from '@/db/schema';
import { AUDIT_ACTIONS, type AuditAction } from '@/lib/audit';
import { currentAuditChainStatus, type ChainStatus } from '@/lib/audit/chain-status';
import type { Viewer } from '@/lib/auth/sessions';
import type { AuditFilters } from '@/lib/validation/admin';
import { assertConsoleAccess } from './access';
import { matchesPerson } from './users';
import { cursorTimestamp, isoMicros, isUuid, keysetPage, seekClause, type Page } from '@/lib/dal/pagination';

export interface AuditRow {
  id: number;
  at: Date;
  action: string;
  actor: { id: string; name: string | null; email: string | null } | null;
  targetType: string | null;
  targetId: string | null;
  /** The target's current name, when it is a person or an organisation that still exists. */
  targetLabel: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

const MS_PER_DAY = 86_400_000;

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function zoneOffset(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a calendar day (YYYY-MM-DD) starts in a time zone (UTC when the zone is unknown). */
export function startOfDay(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  try {
    const guess = midnightUtc - zoneOffset(new Date(midnightUtc), timeZone);
    // Once more from the guess, in case a daylight-saving change lies between the two instants.
    return new Date(midnightUtc - zoneOffset(new Date(guess), timeZone));
  } catch {
    return new Date(midnightUtc);
  }
}

const auditKey = z.tuple([cursorTimestamp, z.number().int().positive().max(Number.MAX_SAFE_INTEGER)]);

function isAuditAction(value: string | undefined): value is AuditAction {
  return !!value && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** The filters as one condition: actor (a user id, or part of an email or name), action (unknown ones ignored), whole days in the viewer's zone. */
function auditConditions(viewer: Viewer, filters: AuditFilters): SQL | undefined {
  const actor = filters.actor;
  return and(
    actor && isUuid(actor) ? eq(auditLog.actorId, actor) : undefined,
    actor && !isUuid(actor) ? matchesPerson(actor) : undefined,
    isAuditAction(filters.action) ? eq(auditLog.action, filters.action) : undefined,
    filters.from ? gte(auditLog.at, startOfDay(filters.from, viewer.timeZone)) : undefined,
    filters.to ? lt(auditLog.at, startOfDay(new Date(Date.parse(filters.to) + MS_PER_DAY).toISOString().slice(0, 10), viewer.timeZone)) : undefined,
  );
}

type AuditKey = z.infer<typeof auditKey>;

/** Up to `limit` rows matching `conditions`, newest first from the seek position (oldest first going backward). */
function fetchAuditRows(conditions: SQL | undefined, key: AuditKey | null, backward: boolean, limit: number) {
  const seek = seekClause([auditLog.at, auditLog.id], key ? [sql`${key[0]}::timestamptz`, sql`${key[1]}::bigint`] : null, 'desc', backward);
  return getDb()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      cursorAt: isoMicros(auditLog.at),
      action: auditLog.action,
      actorId: auditLog.actorId,
      // A deleted account (decision 020) appears by its opaque id alone.
      actorName: sql<string | null>`case when ${users.deletedAt} is null then ${users.name} end`,
      actorEmail: sql<string | null>`case when ${users.deletedAt} is null then ${users.email} end`,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      ip: auditLog.ip,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(conditions, seek.where))
    .orderBy(...seek.orderBy)
    .limit(limit);
}
type FetchedRow = Awaited<ReturnType<typeof fetchAuditRows>>[number];
const keyOf = (row: FetchedRow): AuditKey => [row.cursorAt, Number(row.id)];

/** Fetched rows as the console shows them, with their targets' current names. */
async function present(rows: FetchedRow[]): Promise<AuditRow[]> {
  const labels = await targetLabels(rows);
  return rows.map(({ cursorAt: _cursor, actorId, actorName, actorEmail, ...row }) => ({
    ...row,
    id: Number(row.id),
    actor: actorId ? { id: actorId, name: actorName, email: actorEmail } : null,
    targetLabel: (row.targetId && labels.get(`${row.targetType}:${row.targetId}`)) || null,
  }));
}

/** The log, newest first, one page at a time, filtered (auditConditions). */
export async function listAuditLog(viewer: Viewer, filters: AuditFilters = {}): Promise<Page<AuditRow>> {
  assertConsoleAccess(viewer);
  const conditions = auditConditions(viewer, filters);
  const page = await keysetPage({
    cursor: filters.cursor,
    key: auditKey,
    fetch: ({ key, backward }, limit) => fetchAuditRows(conditions, key, backward, limit),
    keyOf,
  });
  return { ...page, items: await present(page.items) };
}

/**
 * Every row the filters match (the cursor is ignored), newest first, in keyset batches of `size`: what
 * the CSV export streams (lib/dal/console/audit-export.ts). Admins only; checked before the first batch.
 */
export function auditLogBatches(viewer: Viewer, filters: AuditFilters, size = 500): AsyncGenerator<AuditRow[]> {
  assertConsoleAccess(viewer);
  const conditions = auditConditions(viewer, filters);
  return (async function* () {
    let key: AuditKey | null = null;
    for (;;) {
      const rows = await fetchAuditRows(conditions, key, false, size);
      if (rows.length) yield await present(rows);
      if (rows.length < size) return;
      key = keyOf(rows.at(-1)!);
    }
  })();
}

/** Current names of the people and organisations a page of rows points at (two small indexed look-ups). */
async function targetLabels(rows: { targetType: string | null; targetId: string | null }[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.targetType === type && r.targetId && isUuid(r.targetId)).map((r) => r.targetId!))];
  const userIds = ids('user');
  const organisationIds = ids('organisation');
  const db = getDb();
  const [people, orgs] = await Promise.all([
    userIds.length
      ? db
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(and(inArray(users.id, userIds), isNull(users.deletedAt)))
      : [],
    organisationIds.length
      ? db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, organisationIds))
      : [],
  ]);
  return new Map([
    ...people.map((p) => [`user:${p.id}`, `${p.name} <${p.email}>`] as const),
    ...orgs.map((o) => [`organisation:${o.id}`, o.name] as const),
  ]);
}

/** Whether the audit log's hash chain verifies (lib/audit/chain-status.ts: the hourly full walk plus the rows since), for the console's audit page. */
export async function auditChainStatus(viewer: Viewer): Promise<ChainStatus> {
  assertConsoleAccess(viewer);
  return currentAuditChainStatus();
}
