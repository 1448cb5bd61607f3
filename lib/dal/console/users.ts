/**
 * Access for managing people (the Secretariat's console): listing every account, changing roles,
 * suspending and reactivating, flagging focal points. Admins only: every function takes the viewer first
 * and calls assertConsoleAccess (./access.ts) before it reads or writes; to anyone else these things do not exist
 * (NotFoundError). An admin never changes their own role or status, and the portal always keeps one
 * active admin.
 */
import 'server-only';
import { and, asc, count, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Tx } from '@/db';
import { organisations, sessions, users } from '@/db/schema';
import type { OrganisationStatus, Role, Sector, UserStatus } from '@/db/schema';
import { audit, type AuditEntry } from '@/lib/audit';
import { revokeAllSessions, type Viewer } from '@/lib/auth/sessions';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import type { UserFilters } from '@/lib/validation/admin';
import { assertConsoleAccess } from './access';
import { containsPattern, containsText } from '@/lib/dal/matching';
import { isUuid, keysetPage, nameIdKey, seekClause, type Page } from '@/lib/dal/pagination';

export interface UserListItem {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: UserStatus;
  isFocalPoint: boolean;
  organisationId: string;
  organisationName: string;
  sector: Sector;
  createdAt: Date;
}

const listColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  status: users.status,
  isFocalPoint: users.isFocalPoint,
  organisationId: users.organisationId,
  organisationName: organisations.name,
  sector: organisations.sector,
  createdAt: users.createdAt,
};

/**
 * Every word of the search appears in the name (accents and case ignored; the trigram index serves it)
 * or in the email.
 */
export function matchesPerson(text: string) {
  const words = text.split(/\s+/).filter(Boolean).slice(0, 6);
  return and(
    ...words.map((word) => {
      return or(containsText(users.name, word), sql`${users.email} like lower(${containsPattern(word)})`);
    }),
  );
}

/** Everyone with an account, by name; filters combine. */
export async function listUsers(viewer: Viewer, filters: UserFilters = {}): Promise<Page<UserListItem>> {
  assertConsoleAccess(viewer);
  return keysetPage({
    cursor: filters.cursor,
    key: nameIdKey,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause([users.name, users.id], key ? [sql`${key[0]}`, sql`${key[1]}::uuid`] : null, 'asc', backward);
      return getDb()
        .select(listColumns)
        .from(users)
        .innerJoin(organisations, eq(organisations.id, users.organisationId))
        .where(
          and(
            isNull(users.deletedAt),
            filters.q ? matchesPerson(filters.q) : undefined,
            filters.status ? eq(users.status, filters.status) : undefined,
            filters.role ? eq(users.role, filters.role) : undefined,
            filters.sector ? eq(organisations.sector, filters.sector) : undefined,
            filters.organisation ? eq(users.organisationId, filters.organisation) : undefined,
            seek.where,
          ),
        )
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
    keyOf: (row) => [row.name, row.id] as [string, string],
  });
}

export interface UserDetail extends UserListItem {
  suspendedUntil: Date | null;
  jobTitle: string;
  reason: string;
  decisionReason: string | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  emailVerifiedAt: Date | null;
  updatedAt: Date;
  locale: string;
  timeZone: string;
  country: string | null;
  organisationStatus: OrganisationStatus;
  isSecretariat: boolean;
  /** Sessions not ended, expired or revoked. */
  liveSessions: number;
}

/** One account in full, or null when there is none with that id. */
export async function getUser(viewer: Viewer, id: string): Promise<UserDetail | null> {
  assertConsoleAccess(viewer);
  if (!isUuid(id)) return null;
  const decider = alias(users, 'decider');
  const db = getDb();
  const [row] = await db
    .select({
      ...listColumns,
      jobTitle: users.jobTitle,
      reason: users.reason,
      decisionReason: users.decisionReason,
      decidedAt: users.decidedAt,
      decidedByName: decider.name,
      emailVerifiedAt: users.emailVerifiedAt,
      updatedAt: users.updatedAt,
      locale: users.locale,
      timeZone: users.timeZone,
      country: organisations.country,
      organisationStatus: organisations.status,
      isSecretariat: organisations.isSecretariat,
      suspendedUntil: users.suspendedUntil,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(decider, eq(decider.id, users.decidedBy))
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
    .limit(1);
  if (!row) return null;
  const [live] = await db
    .select({ n: count() })
    .from(sessions)
    .where(and(eq(sessions.userId, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())));
  return { ...row, liveSessions: live?.n ?? 0 };
}

/** Headline numbers of the console's overview. */
export async function adminOverview(viewer: Viewer): Promise<{ pendingApplications: number; activeMembers: number; organisations: number }> {
  assertConsoleAccess(viewer);
  const db = getDb();
  const [people] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${users.status} = 'pending')`.mapWith(Number),
      active: sql<number>`count(*) filter (where ${users.status} = 'active')`.mapWith(Number),
    })
    .from(users);
  const [orgs] = await db
    .select({ n: count() })
    .from(organisations)
    .where(and(eq(organisations.status, 'active'), eq(organisations.isSecretariat, false)));
  return { pendingApplications: people?.pending ?? 0, activeMembers: people?.active ?? 0, organisations: orgs?.n ?? 0 };
}

// ---- changes

export interface Target {
  id: string;
  role: Role;
  status: UserStatus;
  isFocalPoint: boolean;
}

/**
 * Runs one change to another person's account in a transaction, under lockAccount's locks.
 * `change` returns the audit entry to write, or null when nothing changed.
 */
async function changeAccount(
  viewer: Viewer,
  userId: string,
  request: RequestInfo,
  options: { selfAllowed?: boolean },
  change: (target: Target, tx: Tx, otherActiveAdmins: number) => Promise<Omit<AuditEntry, 'actorId' | 'targetType' | 'targetId' | 'ip'> | null>,
): Promise<void> {
  assertConsoleAccess(viewer);
  if (!isUuid(userId)) throw new NotFoundError('user');
  await getDb().transaction(async (tx) => {
    const { target, otherActiveAdmins } = await lockAccount(tx, userId);
    if (target.id === viewer.id && !options.selfAllowed) throw new UserError('errors.cannotChangeSelf');
    const entry = await change(target, tx, otherActiveAdmins);
    if (entry) await audit({ ...entry, actorId: viewer.id, targetType: 'user', targetId: target.id, ip: request.ip }, tx);
  });
}

/**
 * Locks the active admins (always in the same order, so two admins acting at once take turns instead of
 * deadlocking) and then the target account; also used by account deletion (lib/dal/privacy/erasure.ts).
 */
export async function lockAccount(tx: Tx, userId: string): Promise<{ target: Target; otherActiveAdmins: number }> {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active')))
    .orderBy(asc(users.id))
    .for('update');
  const [target] = await tx
    .select({ id: users.id, role: users.role, status: users.status, isFocalPoint: users.isFocalPoint })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .for('update');
  if (!target) throw new NotFoundError('user');
  return { target, otherActiveAdmins: admins.filter((a) => a.id !== target.id).length };
}

/** Refuses to take the last active admin away. */
export function keepAnAdmin(target: Target, otherActiveAdmins: number) {
  if (target.role === 'admin' && target.status === 'active' && otherActiveAdmins === 0) throw new UserError('errors.lastAdmin');
}

export async function changeUserRole(viewer: Viewer, userId: string, role: Role, request: RequestInfo): Promise<void> {
  await changeAccount(viewer, userId, request, {}, async (target, tx, otherAdmins) => {
    if (target.role === role) return null;
    if (role !== 'admin') keepAnAdmin(target, otherAdmins);
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, target.id));
    return { action: 'user.role_changed', details: { from: target.role, to: role } };
  });
}

/** Suspends an active account and ends all its sessions at once: the person's next request is signed out. */
export async function suspendUser(viewer: Viewer, userId: string, request: RequestInfo): Promise<void> {
  await changeAccount(viewer, userId, request, {}, async (target, tx, otherAdmins) => {
    if (target.status !== 'active') throw new UserError('errors.stale');
    keepAnAdmin(target, otherAdmins);
    await tx.update(users).set({ status: 'suspended', suspendedUntil: null, updatedAt: new Date() }).where(eq(users.id, target.id));
    const sessionsEnded = await revokeAllSessions(target.id, { tx });
    return { action: 'user.suspended', details: { from: 'active', to: 'suspended', sessionsEnded } };
  });
}

/** Reactivates a suspended account; not while its organisation is not a member (reactivate the organisation). */
export async function reactivateUser(viewer: Viewer, userId: string, request: RequestInfo): Promise<void> {
  await changeAccount(viewer, userId, request, {}, async (target, tx) => {
    if (target.status !== 'suspended') throw new UserError('errors.stale');
    const [organisation] = await tx
      .select({ status: organisations.status })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(eq(users.id, target.id));
    if (organisation?.status !== 'active') throw new UserError('admin.user.organisationNotMember');
    await tx
      .update(users)
      .set({ status: 'active', suspendedWithOrganisation: false, suspendedUntil: null, updatedAt: new Date() })
      .where(eq(users.id, target.id));
    return { action: 'user.reactivated', details: { from: 'suspended', to: 'active' } };
  });
}

/** Flags (or unflags) a member as speaking for their organisation. Admins may flag themselves. */
export async function setFocalPoint(viewer: Viewer, userId: string, isFocalPoint: boolean, request: RequestInfo): Promise<void> {
  await changeAccount(viewer, userId, request, { selfAllowed: true }, async (target, tx) => {
    if (target.isFocalPoint === isFocalPoint) return null;
    await tx.update(users).set({ isFocalPoint, updatedAt: new Date() }).where(eq(users.id, target.id));
    return { action: 'user.focal_point_changed', details: { from: target.isFocalPoint, to: isFocalPoint } };
  });
}
