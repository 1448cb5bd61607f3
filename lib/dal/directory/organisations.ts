/** The organisation directory: lists, profiles and profile edits, under organisationAccess (./access.ts). */
import 'server-only';
import { cache } from 'react';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { SECTORS, organisations, type Sector } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError } from '@/lib/errors';
import { countriesIn } from '@/lib/i18n/regions';
import { cookMarkdown } from '@/lib/markdown';
import type { RequestInfo } from '@/lib/request';
import type { OrganisationDirectoryFilters, OrganisationProfileInput } from '@/lib/validation/profile';
import { fuzzyNameMatch } from '@/lib/dal/matching';
import { canEditOrganisation, organisationAccess, organisationPageAccess } from './access';
import { isUuid, keysetPage, nameIdKey, seekClause, type Page } from '@/lib/dal/pagination';

/** The member organisations shown in the directory: visible ones, the Secretariat (which runs the portal) left out. */
function directoryConditions(viewer: Viewer, filters: OrganisationDirectoryFilters): SQL | undefined {
  return and(
    organisationAccess(viewer),
    eq(organisations.status, 'active'),
    eq(organisations.isSecretariat, false),
    filters.country ? eq(organisations.country, filters.country) : undefined,
    filters.region ? inArray(organisations.country, countriesIn(filters.region)) : undefined,
    filters.q ? fuzzyNameMatch(organisations.name, filters.q) : undefined,
  );
}

export interface DirectoryOrganisation {
  id: string;
  slug: string;
  name: string;
  sector: Sector;
  country: string | null;
  logoFileId: string | null;
}

const cardColumns = {
  id: organisations.id,
  slug: organisations.slug,
  name: organisations.name,
  sector: organisations.sector,
  country: organisations.country,
  logoFileId: organisations.logoFileId,
};

/** Counts per sector of the organisations matching the filters (the sector filter itself aside). */
export async function countOrganisationsBySector(viewer: Viewer, filters: OrganisationDirectoryFilters = {}): Promise<Record<Sector, number>> {
  const rows = await getDb()
    .select({ sector: organisations.sector, n: sql<number>`count(*)`.mapWith(Number) })
    .from(organisations)
    .where(directoryConditions(viewer, filters))
    .groupBy(organisations.sector);
  const counts = Object.fromEntries(SECTORS.map((s) => [s, 0])) as Record<Sector, number>;
  for (const r of rows) counts[r.sector] = r.n;
  return counts;
}

/** One sector's organisations matching the filters, by name (keyset pages). */
export async function listSectorOrganisations(
  viewer: Viewer,
  sector: Sector,
  filters: OrganisationDirectoryFilters = {},
  size?: number,
): Promise<Page<DirectoryOrganisation>> {
  return keysetPage({
    cursor: filters.cursor,
    key: nameIdKey,
    size,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause([organisations.name, organisations.id], key ? [sql`${key[0]}`, sql`${key[1]}::uuid`] : null, 'asc', backward);
      return getDb()
        .select(cardColumns)
        .from(organisations)
        .where(and(directoryConditions(viewer, filters), eq(organisations.sector, sector), seek.where))
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
    keyOf: (row) => [row.name, row.id] as [string, string],
  });
}

export interface DirectoryGroup {
  sector: Sector;
  count: number;
  page: Page<DirectoryOrganisation>;
}

/**
 * The directory: the four sectors in their fixed order, each with its count and its first organisations
 * (or, with a sector filter, that sector alone, paged by the cursor).
 */
export async function organisationDirectory(viewer: Viewer, filters: OrganisationDirectoryFilters = {}, previewSize = 12): Promise<DirectoryGroup[]> {
  const counts = await countOrganisationsBySector(viewer, filters);
  const sectors = filters.sector ? [filters.sector] : SECTORS;
  return Promise.all(
    sectors.map(async (sector) => ({
      sector,
      count: counts[sector],
      page: counts[sector]
        ? await listSectorOrganisations(
            viewer,
            sector,
            filters.sector ? filters : { ...filters, cursor: undefined },
            filters.sector ? undefined : previewSize,
          )
        : { items: [], next: null, previous: null },
    })),
  );
}

export interface OrganisationProfile extends DirectoryOrganisation {
  website: string | null;
  description: string | null;
  descriptionHtml: string | null;
  isSecretariat: boolean;
  createdAt: Date;
  canEdit: boolean;
  /** Deactivated: no longer a member organisation (its page stays, saying so). */
  formerMember: boolean;
}

/** An organisation's page by slug; NotFoundError when the viewer may not see it. Memoised per request (React `cache`): a page's metadata and body share one query. */
export const getOrganisationBySlug = cache(async function getOrganisationBySlug(viewer: Viewer, slug: string): Promise<OrganisationProfile> {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) throw new NotFoundError('organisation');
  const [row] = await getDb()
    .select({
      ...cardColumns,
      website: organisations.website,
      description: organisations.description,
      descriptionHtml: organisations.descriptionHtml,
      isSecretariat: organisations.isSecretariat,
      createdAt: organisations.createdAt,
      status: organisations.status,
    })
    .from(organisations)
    .where(and(eq(organisations.slug, slug), organisationPageAccess(viewer)))
    .limit(1);
  if (!row) throw new NotFoundError('organisation');
  const { status, ...profile } = row;
  const formerMember = status === 'inactive';
  return { ...profile, formerMember, canEdit: !formerMember && canEditOrganisation(viewer, row.id) };
});

/**
 * Saves the profile an organisation shows members (description, website). Its focal points and admins
 * only; to anyone else the organisation is not there to edit (NotFoundError).
 */
export async function updateOrganisationProfile(viewer: Viewer, input: OrganisationProfileInput, request: RequestInfo): Promise<{ slug: string }> {
  const unsafeId = input.organisationId;
  if (!isUuid(unsafeId) || !canEditOrganisation(viewer, unsafeId)) throw new NotFoundError('organisation');
  const description = input.description.trim();
  const descriptionHtml = description ? await cookMarkdown(description) : null;
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(organisations)
      .set({ description: description || null, descriptionHtml, website: input.website ?? null, updatedAt: new Date() })
      .where(and(eq(organisations.id, unsafeId), organisationAccess(viewer)))
      .returning({ slug: organisations.slug });
    if (!row) throw new NotFoundError('organisation');
    await audit(
      {
        action: 'organisation.profile_updated',
        actorId: viewer.id,
        targetType: 'organisation',
        targetId: unsafeId,
        ip: request.ip,
        details: { fields: ['description', 'website'] },
      },
      tx,
    );
    return row;
  });
}
