/**
 * ACCESS RULES for managing organisations in the Secretariat's console: every organisation whatever its
 * status, editing its registered details, deactivating and reactivating it. Admins only: every function
 * takes the viewer first and calls assertAdmin before it reads or writes; to anyone else these things do
 * not exist (NotFoundError). The Secretariat's own organisation is never deactivated.
 */
import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations } from '@/db/schema';
import type { OrganisationStatus, Sector } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import type { OrganisationFilters, OrganisationInput } from '@/lib/validation/admin';
import { assertAdmin } from './access';
import { containsPattern, isoMicros, isUuid, keysetPage, nameIdKey, seekClause, type Page } from './pagination';

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
  assertAdmin(viewer);
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
            filters.q
              ? sql`immutable_unaccent(lower(${organisations.name})) like immutable_unaccent(lower(${containsPattern(filters.q)}))`
              : undefined,
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
  /** Opaque version of the row (its updated_at to the microsecond), sent back by the edit form. */
  version: string;
}

export async function getOrganisation(viewer: Viewer, id: string): Promise<OrganisationDetail | null> {
  assertAdmin(viewer);
  if (!isUuid(id)) return null;
  const [row] = await getDb()
    .select({
      ...listColumns,
      website: organisations.website,
      createdAt: organisations.createdAt,
      updatedAt: organisations.updatedAt,
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
  assertAdmin(viewer);
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

    await tx.update(organisations).set({ ...next, updatedAt: new Date() }).where(eq(organisations.id, input.organisationId));
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

async function setStatus(
  viewer: Viewer,
  id: string,
  request: RequestInfo,
  from: OrganisationStatus[],
  to: OrganisationStatus,
  action: 'organisation.deactivated' | 'organisation.reactivated',
): Promise<void> {
  assertAdmin(viewer);
  if (!isUuid(id)) throw new NotFoundError('organisation');
  await getDb().transaction(async (tx) => {
    const [current] = await tx
      .select({ status: organisations.status, isSecretariat: organisations.isSecretariat })
      .from(organisations)
      .where(eq(organisations.id, id))
      .for('update');
    if (!current) throw new NotFoundError('organisation');
    if (to === 'inactive' && current.isSecretariat) throw new UserError('admin.organisations.secretariatStaysActive');
    if (!from.includes(current.status)) throw new UserError('errors.stale');
    await tx
      .update(organisations)
      .set({ status: to, updatedAt: new Date() })
      .where(and(eq(organisations.id, id), inArray(organisations.status, from)));
    await audit({ action, actorId: viewer.id, targetType: 'organisation', targetId: id, ip: request.ip, details: { from: current.status, to } }, tx);
  });
}

/** Marks a member organisation inactive: it is no longer offered to people who register. */
export async function deactivateOrganisation(viewer: Viewer, id: string, request: RequestInfo): Promise<void> {
  await setStatus(viewer, id, request, ['active'], 'inactive', 'organisation.deactivated');
}

/** Makes an inactive (or earlier rejected) organisation a member again. */
export async function reactivateOrganisation(viewer: Viewer, id: string, request: RequestInfo): Promise<void> {
  await setStatus(viewer, id, request, ['inactive', 'rejected'], 'active', 'organisation.reactivated');
}
