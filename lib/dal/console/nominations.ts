/**
 * Focal-point nominations in the Secretariat's console (decision 018): a focal point proposes another
 * member of their organisation (lib/dal/people/staff.ts); an admin confirms (the person becomes a focal
 * point) or declines. Admins only: every function calls assertConsoleAccess (./access.ts) first.
 */
import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { focalPointNominations, organisations, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { isoMicros, isUuid, keysetPage, seekClause, timeIdKey, type Page } from '@/lib/dal/pagination';
import { assertConsoleAccess } from './access';

export interface Nomination {
  id: string;
  createdAt: Date;
  nominee: { id: string; name: string; email: string; jobTitle: string };
  nominatedBy: { id: string; name: string };
  organisation: { id: string; name: string };
}

const nominator = alias(users, 'nominator');

/** Open nominations, oldest first. */
export async function listNominations(viewer: Viewer, cursor?: string): Promise<Page<Nomination>> {
  assertConsoleAccess(viewer);
  const page = await keysetPage({
    cursor,
    key: timeIdKey,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause(
        [focalPointNominations.createdAt, focalPointNominations.id],
        key ? [sql`${key[0]}::timestamptz`, sql`${key[1]}::uuid`] : null,
        'asc',
        backward,
      );
      return getDb()
        .select({
          id: focalPointNominations.id,
          createdAt: focalPointNominations.createdAt,
          cursorAt: isoMicros(focalPointNominations.createdAt),
          nominee: { id: users.id, name: users.name, email: users.email, jobTitle: users.jobTitle },
          nominatedBy: { id: nominator.id, name: nominator.name },
          organisation: { id: organisations.id, name: organisations.name },
        })
        .from(focalPointNominations)
        .innerJoin(users, eq(users.id, focalPointNominations.nomineeId))
        .innerJoin(nominator, eq(nominator.id, focalPointNominations.nominatedBy))
        .innerJoin(organisations, eq(organisations.id, focalPointNominations.organisationId))
        .where(and(isNull(focalPointNominations.decidedAt), seek.where))
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
    keyOf: (row) => [row.cursorAt, row.id] as [string, string],
  });
  return { ...page, items: page.items.map(({ cursorAt: _cursor, ...row }) => row) };
}

/** Confirms (the nominee becomes a focal point of their organisation) or declines a nomination; audited. */
export async function decideNomination(viewer: Viewer, id: string, confirm: boolean, request: RequestInfo): Promise<void> {
  assertConsoleAccess(viewer);
  if (!isUuid(id)) throw new NotFoundError('nomination');
  await getDb().transaction(async (tx) => {
    const [nomination] = await tx
      .update(focalPointNominations)
      .set({ decidedAt: new Date(), decidedBy: viewer.id, confirmed: confirm })
      .where(and(eq(focalPointNominations.id, id), isNull(focalPointNominations.decidedAt)))
      .returning({ nomineeId: focalPointNominations.nomineeId, organisationId: focalPointNominations.organisationId });
    if (!nomination) throw new UserError('errors.stale');
    if (confirm) {
      const [person] = await tx
        .update(users)
        .set({ isFocalPoint: true, updatedAt: new Date() })
        .where(and(eq(users.id, nomination.nomineeId), eq(users.organisationId, nomination.organisationId), eq(users.status, 'active')))
        .returning({ id: users.id });
      if (!person) throw new UserError('errors.stale');
    }
    await audit(
      {
        action: confirm ? 'focal_point.nomination_confirmed' : 'focal_point.nomination_declined',
        actorId: viewer.id,
        targetType: 'user',
        targetId: nomination.nomineeId,
        ip: request.ip,
        details: { nominationId: id, organisationId: nomination.organisationId, ...(confirm ? { from: false, to: true } : {}) },
      },
      tx,
    );
  });
}
