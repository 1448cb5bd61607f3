/**
 * A focal point's side of the yearly re-verification (decision 019), on /organisations/[slug]/reverification:
 * their organisation's round and people, and "still works here" / "has left" for each. Access is
 * reverificationAccess (./access.ts) inside every query: someone else's organisation does not exist.
 */
import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations, reverificationRounds, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import { revokeAllSessions, type Viewer } from '@/lib/auth/sessions';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { isUuid, keysetPage, nameIdKey, seekClause, type Page } from '@/lib/dal/pagination';
import { confirmedSince, reverificationAccess, reviewedPerson } from './access';

export interface ReverificationOverview {
  id: string;
  slug: string;
  name: string;
  dueOn: string | null;
  /** The open round, if any. */
  round: { id: string; dueOn: string; openedAt: Date; unconfirmed: number } | null;
}

/** The organisation of `slug` with its next date and open round, for its focal points and admins; otherwise not found. */
export async function reverificationOverview(viewer: Viewer, slug: string): Promise<ReverificationOverview> {
  const [org] = await getDb()
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name, dueOn: organisations.reverificationDueOn })
    .from(organisations)
    .where(
      and(eq(organisations.slug, slug), eq(organisations.status, 'active'), eq(organisations.isSecretariat, false), reverificationAccess(viewer)),
    )
    .limit(1);
  if (!org) throw new NotFoundError('organisation');
  const [round] = await getDb()
    .select({ id: reverificationRounds.id, dueOn: reverificationRounds.dueOn, openedAt: reverificationRounds.openedAt })
    .from(reverificationRounds)
    .where(and(eq(reverificationRounds.organisationId, org.id), isNull(reverificationRounds.closedAt)))
    .orderBy(desc(reverificationRounds.dueOn))
    .limit(1);
  if (!round) return { ...org, round: null };
  const [{ unconfirmed }] = (await getDb()
    .select({ unconfirmed: sql<number>`count(*)`.mapWith(Number) })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, org.id))
    .where(and(reviewedPerson, sql`not (${confirmedSince(round.openedAt)})`))) as [{ unconfirmed: number }];
  return { ...org, round: { ...round, unconfirmed } };
}

export interface ReviewedPerson {
  id: string;
  name: string;
  jobTitle: string;
  email: string;
  confirmed: boolean;
}

/** The people the open round asks about, by name (keyset on users_organisation_name_idx). */
export async function listReviewedPeople(
  viewer: Viewer,
  overview: ReverificationOverview,
  cursor: string | undefined,
): Promise<Page<ReviewedPerson>> {
  const round = overview.round;
  if (!round) return { items: [], next: null, previous: null };
  return keysetPage({
    cursor,
    key: nameIdKey,
    keyOf: (row) => [row.name, row.id] as [string, string],
    fetch: ({ key, backward }, limit) => {
      const seek = seekClause([users.name, users.id], key ? [sql`${key[0]}`, sql`${key[1]}::uuid`] : null, 'asc', backward);
      return getDb()
        .select({ id: users.id, name: users.name, jobTitle: users.jobTitle, email: users.email, confirmed: confirmedSince(round.openedAt) })
        .from(users)
        .innerJoin(organisations, eq(organisations.id, users.organisationId))
        .where(and(eq(organisations.id, overview.id), reverificationAccess(viewer), reviewedPerson, seek.where))
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
  });
}

/**
 * "Still works here" (confirmed for this round) or "has left" (suspended at once, sessions ended; what
 * they wrote stays). Only while a round is open, only for a person the round asks about. Audited.
 */
export async function reviewPerson(
  viewer: Viewer,
  input: { slug: string; userId: string; decision: 'stays' | 'left' },
  request: RequestInfo,
): Promise<{ name: string }> {
  const overview = await reverificationOverview(viewer, input.slug);
  if (!overview.round) throw new UserError('reverification.confirm.noRound');
  if (!isUuid(input.userId)) throw new NotFoundError('user');
  return getDb().transaction(async (tx) => {
    const person = tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(and(eq(users.id, input.userId), eq(organisations.id, overview.id), reverificationAccess(viewer), reviewedPerson));
    const [changed] = await tx
      .update(users)
      .set(input.decision === 'stays' ? { reverifiedAt: sql`now()` } : { status: 'suspended', updatedAt: sql`now()` })
      .where(sql`${users.id} in (${person})`)
      .returning({ id: users.id, name: users.name });
    if (!changed) throw new NotFoundError('user');
    if (input.decision === 'left') await revokeAllSessions(changed.id, { tx });
    await audit(
      {
        action: input.decision === 'stays' ? 'reverification.confirmed' : 'reverification.left',
        actorId: viewer.id,
        targetType: 'user',
        targetId: changed.id,
        ip: request.ip,
        details: { organisationId: overview.id, roundId: overview.round!.id },
      },
      tx,
    );
    return { name: changed.name };
  });
}
