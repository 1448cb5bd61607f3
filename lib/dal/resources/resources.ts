/**
 * Access: reads of the resource library. Every query here is filtered by resourceAccess(viewer)
 * (lib/dal/resources/access.ts) inside the query: lists, search, counts and single reads alike. A
 * resource the viewer may not see does not exist for them (NotFoundError / absent from lists).
 */
import 'server-only';
import { cache } from 'react';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { files, organisations, resourceMarkingOrgs, resourceMarkingPeople, resourceVersions, resources, spaces, users } from '@/db/schema';
import type { ResourceType, ResourceVisibility, Sector, TlpMarking } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError } from '@/lib/errors';
import type { ResourceFilters } from '@/lib/validation/resources';
import { headline } from '@/lib/dal/highlight';
import { isUuid, isoMicros, keysetPage, seekClause, timeIdKey, type Page } from '@/lib/dal/pagination';
import { highlightToHtml, type HighlightHtml } from '@/lib/html';
import { downloadTrailVisible, resourceAccess, resourceEditable } from './access';
import { fileState, type FileState } from '@/lib/dal/files/access';

export interface ResourceListItem {
  id: string;
  title: string;
  type: ResourceType;
  topics: string[];
  languages: string[];
  year: number | null;
  visibility: ResourceVisibility;
  /** The TLP marking (decision 030). */
  marking: TlpMarking;
  organisationId: string;
  organisationName: string;
  organisationSlug: string;
  organisationSector: Sector;
  isLink: boolean;
  contentType: string | null;
  downloadCount: number;
  createdAt: Date;
  /** Search hit in context (escaped text with <mark> around the matches), when searching. */
  snippet: HighlightHtml | null;
  cursorAt: string;
}

const countKey = z.tuple([z.number().int().min(0), z.uuid()]);

/** The words of a search, as a tsquery (websearch syntax: "quoted phrases", -excluded, or). */
const tsQuery = (q: string) => sql`websearch_to_tsquery('simple', immutable_unaccent(${q}))`;

function filterConditions(viewer: Viewer, filters: ResourceFilters): SQL {
  return and(
    resourceAccess(viewer),
    filters.q ? sql`${resources.search} @@ ${tsQuery(filters.q)}` : undefined,
    filters.type ? eq(resources.type, filters.type) : undefined,
    filters.topic ? sql`${resources.topics} @> array[${filters.topic}]::text[]` : undefined,
    filters.language ? sql`${resources.languages} @> array[${filters.language}]::text[]` : undefined,
    filters.year ? eq(resources.year, filters.year) : undefined,
    filters.organisation ? eq(resources.organisationId, filters.organisation) : undefined,
    filters.sector ? eq(organisations.sector, filters.sector) : undefined,
  )!;
}

/** The search words in context, marked by headline() (lib/dal/highlight.ts); made HTML by withSnippetHtml. */
function snippet(q: string): SQL<string> {
  const text = sql`left(${resources.descriptionText} || ' ' || ${resources.extractedText}, 20000)`;
  return headline(text, tsQuery(q), 'MaxWords=30, MinWords=12, MaxFragments=2');
}

/** A page of list rows with their marked snippets turned into safe HTML (escaped first, then <mark>). */
function withSnippetHtml(page: Page<ResourceRow>): Page<ResourceListItem> {
  return { ...page, items: page.items.map((row) => ({ ...row, snippet: row.snippet === null ? null : highlightToHtml(row.snippet) })) };
}

/** A list row as read, its snippet still marked (not yet HTML). */
type ResourceRow = Omit<ResourceListItem, 'snippet'> & { snippet: string | null };

const listColumns = (filters: ResourceFilters) => ({
  id: resources.id,
  title: resources.title,
  type: resources.type,
  topics: resources.topics,
  languages: resources.languages,
  year: resources.year,
  visibility: resources.visibility,
  marking: resources.marking,
  organisationId: resources.organisationId,
  organisationName: organisations.name,
  organisationSlug: organisations.slug,
  organisationSector: organisations.sector,
  isLink: sql<boolean>`${resources.url} is not null`,
  contentType: files.contentType,
  downloadCount: resources.downloadCount,
  createdAt: resources.createdAt,
  snippet: filters.q ? snippet(filters.q) : sql<string | null>`null`,
  cursorAt: isoMicros(resources.createdAt),
});

/** The resources the viewer may see, filtered, newest or most downloaded first (keyset pages). */
export async function listResources(viewer: Viewer, filters: ResourceFilters = {}, size?: number): Promise<Page<ResourceListItem>> {
  const where = filterConditions(viewer, filters);
  const base = () =>
    getDb()
      .select(listColumns(filters))
      .from(resources)
      .innerJoin(organisations, eq(organisations.id, resources.organisationId))
      .leftJoin(files, eq(files.id, resources.currentFileId));
  // Most downloaded first, or newest first: the same keyset walk over a different (value, id) pair.
  const byDownloads = filters.sort === 'downloads';
  const columns = byDownloads ? ([resources.downloadCount, resources.id] as const) : ([resources.createdAt, resources.id] as const);
  const cast = byDownloads ? sql`::int` : sql`::timestamptz`;
  return withSnippetHtml(
    await keysetPage({
      cursor: filters.cursor,
      key: (byDownloads ? countKey : timeIdKey) as z.ZodType<[number | string, string]>,
      size,
      fetch: async ({ key, backward }, limit) => {
        const seek = seekClause([...columns], key ? [sql`${key[0]}${cast}`, sql`${key[1]}::uuid`] : null, 'desc', backward);
        return base()
          .where(and(where, seek.where))
          .orderBy(...seek.orderBy)
          .limit(limit);
      },
      keyOf: (row) => [byDownloads ? row.downloadCount : row.cursorAt, row.id] as [number | string, string],
    }),
  );
}

export const COUNT_CAP = 1000;

/** How many resources the viewer may see with these filters, counted up to COUNT_CAP (then "1,000+"). */
export async function countResources(viewer: Viewer, filters: ResourceFilters = {}): Promise<{ count: number; capped: boolean }> {
  const inner = getDb()
    .select({ one: sql`1` })
    .from(resources)
    .innerJoin(organisations, eq(organisations.id, resources.organisationId))
    .where(filterConditions(viewer, filters))
    .limit(COUNT_CAP + 1)
    .as('visible');
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(inner);
  const n = row?.n ?? 0;
  return { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/** The newest resources the viewer may see (the home page). */
export async function newestResources(viewer: Viewer, limit = 5): Promise<ResourceListItem[]> {
  return (await listResources(viewer, {}, limit)).items;
}

export interface ResourceVersionItem {
  id: string;
  number: number;
  note: string;
  fileId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  /** Whether it can be downloaded now (lib/dal/files/access.ts: scanned, quarantined). */
  state: FileState;
  createdAt: Date;
  createdByName: string;
}

export interface ResourceDetail extends Omit<ResourceListItem, 'snippet' | 'cursorAt'> {
  description: string;
  descriptionHtml: string;
  sectors: Sector[];
  spaceId: string | null;
  spaceName: string | null;
  url: string | null;
  contributorId: string;
  contributorName: string;
  currentFileId: string | null;
  updatedAt: Date;
  versions: ResourceVersionItem[];
  canEdit: boolean;
  canSeeTrail: boolean;
  /** AMBER: the organisations chosen besides the contributing one; RED: the people named besides the contributor. */
  markingOrganisations: { id: string; name: string }[];
  markingPeople: { id: string; name: string }[];
}

/** One resource the viewer may see, with its versions (newest first); NotFoundError otherwise. Memoised per request (React `cache`): a page's metadata and body share one query. */
export const getResource = cache(async function getResource(viewer: Viewer, unsafeId: string): Promise<ResourceDetail> {
  if (!isUuid(unsafeId)) throw new NotFoundError('resource');
  const db = getDb();
  const [row] = await db
    .select({
      ...listColumns({}),
      description: resources.description,
      descriptionHtml: resources.descriptionHtml,
      sectors: resources.sectors,
      spaceId: resources.spaceId,
      spaceName: spaces.name,
      url: resources.url,
      contributorId: resources.contributorId,
      contributorName: users.name,
      currentFileId: resources.currentFileId,
      updatedAt: resources.updatedAt,
      canEdit: sql<boolean>`${resourceEditable(viewer)}`,
      canSeeTrail: sql<boolean>`${downloadTrailVisible(viewer)}`,
    })
    .from(resources)
    .innerJoin(organisations, eq(organisations.id, resources.organisationId))
    .innerJoin(users, eq(users.id, resources.contributorId))
    .leftJoin(files, eq(files.id, resources.currentFileId))
    .leftJoin(spaces, eq(spaces.id, resources.spaceId))
    .where(and(eq(resources.id, unsafeId), resourceAccess(viewer)))
    .limit(1);
  if (!row) throw new NotFoundError('resource');
  const versions = await db
    .select({
      id: resourceVersions.id,
      number: resourceVersions.number,
      note: resourceVersions.note,
      fileId: files.id,
      fileName: files.originalName,
      contentType: files.contentType,
      size: files.size,
      sha256: files.sha256,
      state: fileState(viewer),
      createdAt: resourceVersions.createdAt,
      createdByName: users.name,
    })
    .from(resourceVersions)
    .innerJoin(files, eq(files.id, resourceVersions.fileId))
    .innerJoin(users, eq(users.id, resourceVersions.createdBy))
    .where(eq(resourceVersions.resourceId, row.id))
    .orderBy(desc(resourceVersions.number))
    .limit(200);
  const [markingOrganisations, markingPeople] = await Promise.all([
    row.marking === 'amber'
      ? db
          .select({ id: organisations.id, name: organisations.name })
          .from(resourceMarkingOrgs)
          .innerJoin(organisations, eq(organisations.id, resourceMarkingOrgs.organisationId))
          .where(eq(resourceMarkingOrgs.resourceId, row.id))
          .orderBy(asc(organisations.name))
      : [],
    row.marking === 'red'
      ? db
          .select({ id: users.id, name: users.name })
          .from(resourceMarkingPeople)
          .innerJoin(users, eq(users.id, resourceMarkingPeople.userId))
          .where(eq(resourceMarkingPeople.resourceId, row.id))
          .orderBy(asc(users.name))
      : [],
  ]);
  const { snippet: _s, cursorAt: _c, ...detail } = row;
  return { ...detail, versions, markingOrganisations, markingPeople };
});
