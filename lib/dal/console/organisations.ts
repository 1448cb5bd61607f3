/**
 * Access for managing organisations in the Secretariat's console: every organisation whatever its
 * status, editing its registered details, deactivating and reactivating it. Admins only: every function
 * takes the viewer first and calls assertConsoleAccess (./access.ts) before it reads or writes; to anyone else these things do
 * not exist (NotFoundError). The Secretariat's own organisation is never deactivated. Deactivating offboards its
 * people (decision 016).
 */
import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { organisations, sessions, spaceMembers, users } from '@/db/schema';
import type { OrganisationStatus, Sector } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import type { OrganisationFilters, OrganisationInput } from '@/lib/validation/admin';
import { assertConsoleAccess } from './access';
import { containsText } from '@/lib/dal/matching';
import { isoMicros, isUuid, keysetPage, nameIdKey, seekClause, type Page } from '@/lib/dal/pagination';

export interface OrganisationListItem {
  id: string;
  slug: string;
  name: string;
  sector: Sector;
  country: string | null;
  status: OrganisationStatus;
  isSecretariat: boolean;
  emailDomains: string[];
  /** Active accounts belonging to it. */
  activeMembers: number;
}

// Written out in full: drizzle leaves columns unqualified in a one-table select, which would bind "id"
// to the inner table here.
const activeMembers = sql<number>`(select count(*) from users m where m.organisation_id = organisations.id and m.status = 'active')`.mapWith(Number);

const listColumns = {
  id: organisations.id,
  slug: organisations.slug,
  name: organisations.name,
  sector: organisations.sector,
  country: organisations.country,
  status: organisations.status,
  isSecretariat: organisations.isSecretariat,
  emailDomains: organisations.emailDomains,
  activeMembers,
};

/** Every organisation, by name; the name search ignores case and accents (trigram index). */
export async function listOrganisations(viewer: Viewer, filters: OrganisationFilters = {}): Promise<Page<OrganisationListItem>> {
  assertConsoleAccess(viewer);
  return keysetPage({
    cursor: filters.cursor,
    key: nameIdKey,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause([organisations.name, organisations.id], key ? [sql`${key[0]}`, sql`${key[1]}::uuid`] : null, 'asc', backward);
      return getDb()
        .select(listColumns)
        .from(organisations)
        .where(
          and(
            filters.q ? containsText(organisations.name, filters.q) : undefined,
            filters.sector ? eq(organisations.sector, filters.sector) : undefined,
            filters.status ? eq(organisations.status, filters.status) : undefined,
            seek.where,
          ),
        )
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
    keyOf: (row) => [row.name, row.id] as [string, string],
  });
}

export interface OrganisationDetail extends OrganisationListItem {
  website: string | null;
  createdAt: Date;
  updatedAt: Date;
  deactivatedAt: Date | null;
  deactivationReason: string | null;
  /** Opaque version of the row (its updated_at to the microsecond), sent back by the edit form. */
  version: string;
}

export async function getOrganisation(viewer: Viewer, id: string): Promise<OrganisationDetail | null> {
  assertConsoleAccess(viewer);
  if (!isUuid(id)) return null;
  const [row] = await getDb()
    .select({
      ...listColumns,
      website: organisations.website,
      createdAt: organisations.createdAt,
      updatedAt: organisations.updatedAt,
      deactivatedAt: organisations.deactivatedAt,
      deactivationReason: organisations.deactivationReason,
      version: isoMicros(organisations.updatedAt),
    })
    .from(organisations)
    .where(eq(organisations.id, id))
    .limit(1);
  return row ?? null;
}

const EDITABLE = ['name', 'sector', 'country', 'website', 'emailDomains'] as const;
type Editable = (typeof EDITABLE)[number];

/**
 * Saves the registered details. Refused as stale when the organisation changed since the form was shown.
 * Returns the fields that changed (none: nothing written, nothing recorded). The slug stays: members
 * share links to it.
 */
export async function updateOrganisation(viewer: Viewer, input: OrganisationInput, request: RequestInfo): Promise<Editable[]> {
  assertConsoleAccess(viewer);
  if (!isUuid(input.organisationId)) throw new NotFoundError('organisation');
  return getDb().transaction(async (tx) => {
    const [current] = await tx
      .select({
        name: organisations.name,
        sector: organisations.sector,
        country: organisations.country,
        website: organisations.website,
        emailDomains: organisations.emailDomains,
        version: isoMicros(organisations.updatedAt),
      })
      .from(organisations)
      .where(eq(organisations.id, input.organisationId))
      .for('update');
    if (!current) throw new NotFoundError('organisation');
    if (current.version !== input.version) throw new UserError('errors.stale');

    const next: Pick<typeof organisations.$inferInsert, Editable> = {
      name: input.name,
      sector: input.sector,
      country: input.country ?? null,
      website: input.website ?? null,
      emailDomains: input.emailDomains,
    };
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const changed = EDITABLE.filter((field) => !same(current[field], next[field]));
    if (changed.length === 0) return [];

    await tx
      .update(organisations)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(organisations.id, input.organisationId));
    await audit(
      {
        action: 'organisation.updated',
        actorId: viewer.id,
        targetType: 'organisation',
        targetId: input.organisationId,
        ip: request.ip,
        details: { changes: Object.fromEntries(changed.map((field) => [field, { from: current[field], to: next[field] }])) },
      },
      tx,
    );
    return changed;
  });
}

/**
 * Offboarding: marks a member organisation inactive (it is no longer offered to people who register),
 * with the admin's reason, and in the same transaction suspends its active members (flagged as suspended
 * with the organisation, so reactivation can restore exactly them), ends every session of its people at
 * once (their next request is signed out), and ends their memberships of request-only spaces. Their posts
 * stay; pages show the organisation as a former member. Audited with the counts.
 */
export async function deactivateOrganisation(viewer: Viewer, id: string, reason: string, request: RequestInfo): Promise<void> {
  assertConsoleAccess(viewer);
  if (!isUuid(id)) throw new NotFoundError('organisation');
  await getDb().transaction(async (tx) => {
    const current = await lockOrganisation(tx, id);
    if (current.isSecretariat) throw new UserError('admin.organisations.secretariatStaysActive');
    if (current.status !== 'active') throw new UserError('errors.stale');
    const now = new Date();
    await tx
      .update(organisations)
      .set({ status: 'inactive', deactivatedAt: now, deactivationReason: reason, updatedAt: now })
      .where(eq(organisations.id, id));
    const suspended = await tx
      .update(users)
      .set({ status: 'suspended', suspendedWithOrganisation: true, updatedAt: now })
      .where(and(eq(users.organisationId, id), eq(users.status, 'active')))
      .returning({ id: users.id });
    const people = tx.select({ id: users.id }).from(users).where(eq(users.organisationId, id));
    const sessionsEnded = await tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(inArray(sessions.userId, people), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    const memberships = await tx.delete(spaceMembers).where(inArray(spaceMembers.userId, people)).returning({ spaceId: spaceMembers.spaceId });
    await audit(
      {
        action: 'organisation.deactivated',
        actorId: viewer.id,
        targetType: 'organisation',
        targetId: id,
        ip: request.ip,
        details: {
          from: 'active',
          to: 'inactive',
          reason,
          membersSuspended: suspended.length,
          sessionsEnded: sessionsEnded.length,
          spaceMembershipsEnded: memberships.length,
        },
      },
      tx,
    );
  });
}

/**
 * Makes an inactive (or earlier rejected) organisation a member again; the people suspended with it
 * (and only they: not someone an admin suspended on their own account) are active again.
 */
export async function reactivateOrganisation(viewer: Viewer, id: string, request: RequestInfo): Promise<void> {
  assertConsoleAccess(viewer);
  if (!isUuid(id)) throw new NotFoundError('organisation');
  await getDb().transaction(async (tx) => {
    const current = await lockOrganisation(tx, id);
    if (current.status !== 'inactive' && current.status !== 'rejected') throw new UserError('errors.stale');
    const now = new Date();
    await tx
      .update(organisations)
      .set({ status: 'active', deactivatedAt: null, deactivationReason: null, updatedAt: now })
      .where(eq(organisations.id, id));
    const restored = await tx
      .update(users)
      .set({ status: 'active', suspendedWithOrganisation: false, updatedAt: now })
      .where(and(eq(users.organisationId, id), eq(users.status, 'suspended'), eq(users.suspendedWithOrganisation, true)))
      .returning({ id: users.id });
    await audit(
      {
        action: 'organisation.reactivated',
        actorId: viewer.id,
        targetType: 'organisation',
        targetId: id,
        ip: request.ip,
        details: { from: current.status, to: 'active', membersRestored: restored.length },
      },
      tx,
    );
  });
}

async function lockOrganisation(tx: Tx, id: string) {
  const [current] = await tx
    .select({ status: organisations.status, isSecretariat: organisations.isSecretariat })
    .from(organisations)
    .where(eq(organisations.id, id))
    .for('update');
  if (!current) throw new NotFoundError('organisation');
  return current;
}
