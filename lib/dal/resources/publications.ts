/**
 * Access: /publications, the alliance's public reports (decision 030). Anyone, signed in or not, sees
 * the resources `publicationAccess()` allows (lib/dal/resources/access.ts): CLEAR resources shared with
 * all members, not deleted. Nothing else is read here: no contributor, no member data; the contributing
 * organisation's name is public for a CLEAR report. Anything else is NotFoundError.
 */
import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { files, organisations, resourceVersions, resources, type ResourceType } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { fileInCirculation } from '@/lib/dal/files/access';
import { headline } from '@/lib/dal/highlight';
import { isUuid, isoMicros, keysetPage, seekClause, timeIdKey, type Page } from '@/lib/dal/pagination';
import { highlightToHtml, type HighlightHtml } from '@/lib/html';
import type { PublicationFilters } from '@/lib/validation/publications';
import { publicationAccess } from './access';

export interface PublicationItem {
  id: string;
  title: string;
  type: ResourceType;
  languages: string[];
  year: number | null;
  organisationName: string;
  isLink: boolean;
  createdAt: Date;
  /** The search words in context (escaped text with <mark>), when searching. */
  snippet: HighlightHtml | null;
}

/** What a list item and the detail page both show: public facts of a CLEAR report, nothing of its contributor. */
const publicationColumns = {
  id: resources.id,
  title: resources.title,
  type: resources.type,
  languages: resources.languages,
  year: resources.year,
  organisationName: organisations.name,
  isLink: sql<boolean>`${resources.url} is not null`,
  createdAt: resources.createdAt,
};

const tsQuery = (q: string) => sql`websearch_to_tsquery('simple', immutable_unaccent(${q}))`;

/** Published reports, newest first (keyset over resources_public_idx), by words and by language. */
export async function listPublications(filters: PublicationFilters): Promise<Page<PublicationItem>> {
  const q = filters.q?.trim();
  const where = and(
    publicationAccess(),
    q ? sql`${resources.search} @@ ${tsQuery(q)}` : undefined,
    filters.language ? sql`${resources.languages} @> array[${filters.language}]::text[]` : undefined,
  );
  const page = await keysetPage({
    cursor: filters.cursor,
    key: timeIdKey,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause(
        [resources.createdAt, resources.id],
        key ? [sql`${key[0]}::timestamptz`, sql`${key[1]}::uuid`] : null,
        'desc',
        backward,
      );
      return getDb()
        .select({
          ...publicationColumns,
          cursorAt: isoMicros(resources.createdAt),
          snippet: q
            ? headline(
                sql`left(${resources.descriptionText} || ' ' || ${resources.extractedText}, 20000)`,
                tsQuery(q),
                'MaxWords=30, MinWords=12, MaxFragments=2',
              )
            : sql<string | null>`null`,
        })
        .from(resources)
        .innerJoin(organisations, eq(organisations.id, resources.organisationId))
        .where(and(where, seek.where))
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
    keyOf: (row) => [row.cursorAt, row.id] as [string, string],
  });
  return {
    ...page,
    items: page.items.map(({ cursorAt: _c, snippet, ...row }) => ({ ...row, snippet: snippet === null ? null : highlightToHtml(snippet) })),
  };
}

export interface PublicationDetail extends Omit<PublicationItem, 'snippet'> {
  descriptionHtml: string;
  url: string | null;
  /** The current file, when it is in circulation (not quarantined, not waiting for its scan). */
  file: { id: string; name: string; contentType: string; size: number } | null;
}

/** One published report; NotFoundError for anything else (a GREEN or deleted resource included). */
export async function getPublication(unsafeId: string): Promise<PublicationDetail> {
  if (!isUuid(unsafeId)) throw new NotFoundError('resource');
  const [row] = await getDb()
    .select({
      ...publicationColumns,
      descriptionHtml: resources.descriptionHtml,
      url: resources.url,
    })
    .from(resources)
    .innerJoin(organisations, eq(organisations.id, resources.organisationId))
    .where(and(eq(resources.id, unsafeId), publicationAccess()))
    .limit(1);
  if (!row) throw new NotFoundError('resource');
  const [file] = await getDb()
    .select({ id: files.id, name: files.originalName, contentType: files.contentType, size: files.size })
    .from(resourceVersions)
    .innerJoin(files, eq(files.id, resourceVersions.fileId))
    .where(and(eq(resourceVersions.resourceId, row.id), fileInCirculation()))
    .orderBy(desc(resourceVersions.number), asc(files.id))
    .limit(1);
  return { ...row, file: file ?? null };
}
