/**
 * Access: serving resource files and the download trail. A file is served only when it is a
 * version of a resource the viewer sees under resourceAccess (re-checked on every request, inside the
 * query). Each download is counted; downloads of resources not visible to all members, or marked AMBER,
 * AMBER+STRICT or RED (decision 030), are written to the download trail (and the audit log), which only the contributing organisation's focal points and
 * admins can read.
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db, type Tx } from '@/db';
import { organisations, resourceDownloads, resourceVersions, resources, users, type TlpMarking } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { cursorTimestamp, isUuid, isoMicros, keysetPage, seekClause, type Page } from '@/lib/dal/pagination';
import { downloadTrailVisible, resourceAccess } from './access';

/**
 * Records one download of a resource file, re-checking in the same query that the viewer sees its
 * resource (NotFoundError otherwise). Counted, and written to the download trail (and the audit log) when
 * the resource is not visible to all members. `inline` (the image preview on the resource page) is not
 * counted but is trailed all the same: seeing the image is seeing the file.
 */
export async function recordResourceDownload(
  viewer: Viewer,
  unsafeFileId: string,
  options: { inline: boolean; request: RequestInfo },
): Promise<void> {
  if (!isUuid(unsafeFileId)) throw new NotFoundError('file');
  await getDb().transaction(async (tx) => {
    const row = await visibleResourceVersion(tx, viewer, unsafeFileId);
    if (!row) throw new NotFoundError('file');
    if (!options.inline) {
      await tx
        .update(resources)
        .set({ downloadCount: sql`${resources.downloadCount} + 1` })
        .where(eq(resources.id, row.resourceId));
    }
    if (row.visibility !== 'all_members' || trailedMarking(row.marking)) {
      await tx
        .insert(resourceDownloads)
        .values({ resourceId: row.resourceId, fileId: unsafeFileId, userId: viewer.id, organisationId: viewer.organisationId });
      await audit(
        {
          action: 'resource.downloaded',
          actorId: viewer.id,
          targetType: 'resource',
          targetId: row.resourceId,
          ip: options.request.ip,
          details: { fileId: unsafeFileId, inline: options.inline },
        },
        tx,
      );
    }
  });
}

/**
 * The resource whose version this file is, when the viewer sees that resource (null otherwise: a logo,
 * an unattached upload, or nothing the viewer may see). Where a download not made from the portal's own
 * pages is sent instead of being recorded.
 */
export async function visibleResourceOfFile(viewer: Viewer, unsafeFileId: string): Promise<string | null> {
  if (!isUuid(unsafeFileId)) return null;
  return (await visibleResourceVersion(getDb(), viewer, unsafeFileId))?.resourceId ?? null;
}

/** AMBER, AMBER+STRICT and RED downloads are trailed, and their PDFs watermarked (decision 030). */
export const trailedMarking = (marking: TlpMarking) => marking === 'amber' || marking === 'amber_strict' || marking === 'red';

/**
 * The marking of the resource whose version this file is, under resourceAccess (NotFoundError otherwise):
 * /api/files/[id] watermarks PDFs of trailed markings before it records and sends them.
 */
export async function resourceMarkingOfFile(viewer: Viewer, unsafeFileId: string): Promise<TlpMarking> {
  if (!isUuid(unsafeFileId)) throw new NotFoundError('file');
  const row = await visibleResourceVersion(getDb(), viewer, unsafeFileId);
  if (!row) throw new NotFoundError('file');
  return row.marking;
}

/** The resource (id, visibility, marking) a file is a version of, under resourceAccess. */
async function visibleResourceVersion(db: Db | Tx, viewer: Viewer, fileId: string) {
  const [row] = await db
    .select({ resourceId: resources.id, visibility: resources.visibility, marking: resources.marking })
    .from(resourceVersions)
    .innerJoin(resources, eq(resources.id, resourceVersions.resourceId))
    .where(and(eq(resourceVersions.fileId, fileId), resourceAccess(viewer)))
    .limit(1);
  return row;
}

export interface DownloadTrailRow {
  id: number;
  at: Date;
  userId: string;
  userName: string;
  organisationName: string;
  versionNumber: number | null;
  cursorAt: string;
}

const trailKey = z.tuple([cursorTimestamp, z.number().int().positive()]);

/** Who downloaded a restricted resource, newest first; NotFoundError unless the viewer may read the trail. */
export async function listDownloadTrail(viewer: Viewer, unsafeResourceId: string, cursor?: string): Promise<Page<DownloadTrailRow>> {
  if (!isUuid(unsafeResourceId)) throw new NotFoundError('resource');
  const [resource] = await getDb()
    .select({ id: resources.id, organisationId: resources.organisationId })
    .from(resources)
    .where(and(eq(resources.id, unsafeResourceId), resourceAccess(viewer), downloadTrailVisible(viewer)));
  if (!resource) throw new NotFoundError('resource');
  return keysetPage({
    cursor,
    key: trailKey,
    size: 50,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause(
        [resourceDownloads.at, resourceDownloads.id],
        key ? [sql`${key[0]}::timestamptz`, sql`${key[1]}::bigint`] : null,
        'desc',
        backward,
      );
      return getDb()
        .select({
          id: resourceDownloads.id,
          at: resourceDownloads.at,
          userId: resourceDownloads.userId,
          userName: users.name,
          organisationName: organisations.name,
          versionNumber: resourceVersions.number,
          cursorAt: isoMicros(resourceDownloads.at),
        })
        .from(resourceDownloads)
        .innerJoin(users, eq(users.id, resourceDownloads.userId))
        .innerJoin(organisations, eq(organisations.id, resourceDownloads.organisationId))
        .leftJoin(resourceVersions, eq(resourceVersions.fileId, resourceDownloads.fileId))
        .where(and(eq(resourceDownloads.resourceId, resource.id), seek.where))
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
    keyOf: (row) => [row.cursorAt, row.id] as [string, number],
  });
}
