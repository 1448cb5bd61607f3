/**
 * The Secretariat's view of the yearly re-verification (decision 019), /admin/reverification: every
 * member organisation with its date, its open round and how many of its people wait for confirmation;
 * organisations with an open round and no active focal point are the Secretariat's queue. Admins only
 * (assertConsoleAccess); they may move an organisation's date (audited).
 */
import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations, reverificationRounds, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { assertConsoleAccess } from '@/lib/dal/console/access';
import { NotFoundError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { isUuid, keysetPage, nameIdKey, seekClause, type Page } from '@/lib/dal/pagination';
import { confirmedSince, reviewedPerson } from './access';

export type ReverificationFilter = 'open' | 'queue' | 'scheduled';

export interface ReverificationStatus {
  id: string;
  slug: string;
  name: string;
  dueOn: string | null;
  roundDueOn: string | null;
  openedAt: Date | null;
  remindedAt: Date | null;
  focalPoints: number;
  /** People not yet confirmed in the open round (0 without one). */
  unconfirmed: number;
}

// Written out: correlated subqueries on the organisation of the row (drizzle leaves one-table columns unqualified).
const focalPoints =
  sql<number>`(select count(*) from users f where f.organisation_id = organisations.id and f.is_focal_point and f.status = 'active')`.mapWith(Number);

/** Member organisations by name with their re-verification status; `filter` narrows to open rounds, the queue (open, no focal point) or those without one. */
export async function listReverificationStatus(
  viewer: Viewer,
  filters: { filter?: ReverificationFilter; cursor?: string },
): Promise<Page<ReverificationStatus>> {
  assertConsoleAccess(viewer);
  const open = and(eq(reverificationRounds.organisationId, organisations.id), isNull(reverificationRounds.closedAt));
  const unconfirmed =
    sql<number>`coalesce((select count(*) from ${users} where ${reviewedPerson} and not (${confirmedSince(sql`${reverificationRounds.openedAt}`)})), 0)`.mapWith(
      Number,
    );
  return keysetPage({
    cursor: filters.cursor,
    key: nameIdKey,
    keyOf: (row) => [row.name, row.id] as [string, string],
    fetch: ({ key, backward }, limit) => {
      const seek = seekClause([organisations.name, organisations.id], key ? [sql`${key[0]}`, sql`${key[1]}::uuid`] : null, 'asc', backward);
      return getDb()
        .select({
          id: organisations.id,
          slug: organisations.slug,
          name: organisations.name,
          dueOn: organisations.reverificationDueOn,
          roundDueOn: reverificationRounds.dueOn,
          openedAt: reverificationRounds.openedAt,
          remindedAt: reverificationRounds.remindedAt,
          focalPoints,
          unconfirmed: sql<number>`case when ${reverificationRounds.id} is null then 0 else ${unconfirmed} end`.mapWith(Number),
        })
        .from(organisations)
        .leftJoin(reverificationRounds, open)
        .where(
          and(
            eq(organisations.status, 'active'),
            eq(organisations.isSecretariat, false),
            filters.filter === 'open' || filters.filter === 'queue' ? sql`${reverificationRounds.id} is not null` : undefined,
            filters.filter === 'queue' ? sql`${focalPoints} = 0` : undefined,
            filters.filter === 'scheduled' ? sql`${reverificationRounds.id} is null` : undefined,
            seek.where,
          ),
        )
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
  });
}

/** Moves an organisation's re-verification date (and its open round's, if any). Audited. */
export async function setReverificationDate(viewer: Viewer, input: { organisationId: string; dueOn: string }, request: RequestInfo): Promise<void> {
  assertConsoleAccess(viewer);
  if (!isUuid(input.organisationId)) throw new NotFoundError('organisation');
  await getDb().transaction(async (tx) => {
    const [org] = await tx
      .update(organisations)
      .set({ reverificationDueOn: input.dueOn })
      .where(and(eq(organisations.id, input.organisationId), eq(organisations.status, 'active'), eq(organisations.isSecretariat, false)))
      .returning({ id: organisations.id });
    if (!org) throw new NotFoundError('organisation');
    await tx
      .update(reverificationRounds)
      .set({ dueOn: input.dueOn })
      .where(and(eq(reverificationRounds.organisationId, org.id), isNull(reverificationRounds.closedAt)));
    await audit(
      {
        action: 'reverification.scheduled',
        actorId: viewer.id,
        targetType: 'organisation',
        targetId: org.id,
        ip: request.ip,
        details: { dueOn: input.dueOn },
      },
      tx,
    );
  });
}
