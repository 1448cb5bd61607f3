/**
 * The console's side of the quarantine (decision 024): admins only (assertConsoleAccess before anything;
 * to anyone else none of it exists). The setting that decides whether quarantined bytes are kept sealed
 * or discarded, and each member's incidents: an incident not yet reviewed flags the account on the
 * admin's member page, until an admin marks them reviewed (audited).
 */
import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { portalSettings, quarantineIncidents, type QuarantineReason } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { QUARANTINE_SETTING, quarantineMode, type QuarantineMode } from '@/lib/dal/files/quarantine-setting';
import { isUuid } from '@/lib/dal/pagination';
import { assertConsoleAccess } from './access';

export async function quarantineSetting(viewer: Viewer): Promise<QuarantineMode> {
  assertConsoleAccess(viewer);
  return quarantineMode();
}

export async function setQuarantineMode(viewer: Viewer, mode: QuarantineMode, request: RequestInfo): Promise<void> {
  assertConsoleAccess(viewer);
  await getDb().transaction(async (tx) => {
    const before = await quarantineMode(tx);
    await tx
      .insert(portalSettings)
      .values({ key: QUARANTINE_SETTING, value: mode, updatedBy: viewer.id })
      .onConflictDoUpdate({ target: portalSettings.key, set: { value: mode, updatedBy: viewer.id, updatedAt: sql`now()` } });
    await audit({ action: 'quarantine.mode_changed', actorId: viewer.id, ip: request.ip, details: { from: before, to: mode } }, tx);
  });
}

export interface IncidentRow {
  id: string;
  reason: QuarantineReason;
  detail: string;
  size: number;
  sha256: string;
  kept: boolean;
  createdAt: Date;
  reviewedAt: Date | null;
}

/** A member's incidents, newest first (at most 50), for their admin page. */
export async function incidentsOf(viewer: Viewer, unsafeUserId: string): Promise<IncidentRow[]> {
  assertConsoleAccess(viewer);
  if (!isUuid(unsafeUserId)) return [];
  return getDb()
    .select({
      id: quarantineIncidents.id,
      reason: quarantineIncidents.reason,
      detail: quarantineIncidents.detail,
      size: quarantineIncidents.size,
      sha256: quarantineIncidents.sha256,
      kept: sql<boolean>`${quarantineIncidents.storageKey} is not null`,
      createdAt: quarantineIncidents.createdAt,
      reviewedAt: quarantineIncidents.reviewedAt,
    })
    .from(quarantineIncidents)
    .where(eq(quarantineIncidents.uploadedBy, unsafeUserId))
    .orderBy(desc(quarantineIncidents.createdAt))
    .limit(50);
}

/** Clears the review flag: every open incident of the member is marked reviewed by this admin (audited). */
export async function reviewIncidents(viewer: Viewer, unsafeUserId: string, request: RequestInfo): Promise<void> {
  assertConsoleAccess(viewer);
  if (!isUuid(unsafeUserId)) throw new NotFoundError('user');
  await getDb().transaction(async (tx) => {
    const reviewed = await tx
      .update(quarantineIncidents)
      .set({ reviewedAt: sql`now()`, reviewedBy: viewer.id })
      .where(and(eq(quarantineIncidents.uploadedBy, unsafeUserId), isNull(quarantineIncidents.reviewedAt)))
      .returning({ id: quarantineIncidents.id });
    if (!reviewed.length) throw new NotFoundError('incident');
    await audit(
      {
        action: 'quarantine.reviewed',
        actorId: viewer.id,
        targetType: 'user',
        targetId: unsafeUserId,
        ip: request.ip,
        details: { incidents: reviewed.map((r) => r.id) },
      },
      tx,
    );
  });
}
