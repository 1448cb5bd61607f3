/**
 * Endorsement (decision 018): an application from an organisation with a focal point waits for one of
 * them to endorse it (or decline it, with a reason) before it reaches the Secretariat, who may decide
 * without it once it has waited `endorsementWaitDays`. Organisations without a focal point: applications
 * go straight to the Secretariat. Access: the organisation's focal points and admins (./access.ts).
 */
import 'server-only';
import { and, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { organisations, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { appLink, deliverSoon, queueEmail } from '@/lib/email';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { isUuid } from '@/lib/dal/pagination';
import { activeAdmins } from '@/lib/dal/accounts/admins';
import { assertManages } from './access';
import { peopleSettings } from './settings';

/**
 * Whether a pending application (a row of `users` in the outer query, named "users") still waits for its
 * focal point: not endorsed or declined, a focal point exists, and it has waited less than `waitDays`.
 * Column names are written out: drizzle leaves them unqualified in a one-table select.
 */
export function awaitingEndorsement(waitDays: number): SQL<boolean> {
  return sql<boolean>`("users"."endorsement" is null
    and coalesce("users"."email_verified_at", "users"."created_at") > now() - make_interval(days => ${waitDays}::int)
    and exists (select 1 from users fp where fp.organisation_id = "users"."organisation_id" and fp.is_focal_point
      and fp.status = 'active' and fp.id <> "users"."id"))`;
}

/** Until when an application waits for its focal point (null once it has reached the Secretariat). */
export function endorsementDeadline(waitDays: number): SQL<Date | null> {
  return sql`case when ${awaitingEndorsement(waitDays)}
    then coalesce("users"."email_verified_at", "users"."created_at") + make_interval(days => ${waitDays}::int) end`.mapWith(
    (v: string | Date | null) => (v === null ? null : new Date(v)),
  );
}

/**
 * A confirmed email puts an application in front of its organisation's focal points (who are emailed),
 * and in front of the Secretariat at once when there is none or the wait is zero days.
 */
export async function announceApplication(tx: Tx, applicant: { id: string; organisationId: string; endorsed: boolean }): Promise<void> {
  // Already endorsed (it came through a focal point's invitation): straight to the Secretariat.
  if (applicant.endorsed) return emailAdmins(tx);
  const { endorsementWaitDays } = await peopleSettings(tx);
  const focalPoints = await tx
    .select({ email: users.email, locale: users.locale, slug: organisations.slug })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(eq(users.organisationId, applicant.organisationId), eq(users.isFocalPoint, true), eq(users.status, 'active'), ne(users.id, applicant.id)),
    );
  for (const fp of focalPoints) {
    await queueEmail({ to: fp.email, template: 'applicationToEndorse', locale: fp.locale, link: appLink(`/organisations/${fp.slug}/people`) }, tx);
  }
  if (focalPoints.length === 0 || endorsementWaitDays === 0) await emailAdmins(tx);
}

async function emailAdmins(tx: Tx): Promise<void> {
  const admins = await activeAdmins(tx);
  for (const admin of admins) {
    await queueEmail({ to: admin.email, template: 'newApplication', locale: admin.locale, link: appLink('/admin/applications') }, tx);
  }
}

type Word = { endorse: true } | { endorse: false; reason: string };

async function giveWord(viewer: Viewer, userId: string, word: Word, request: RequestInfo): Promise<void> {
  if (!isUuid(userId)) throw new NotFoundError('application');
  await getDb().transaction(async (tx) => {
    const [applicant] = await tx
      .select({ id: users.id, organisationId: users.organisationId, status: users.status, endorsement: users.endorsement })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!applicant || applicant.id === viewer.id) throw new NotFoundError('application');
    assertManages(viewer, applicant.organisationId);
    if (applicant.status !== 'pending' || applicant.endorsement) throw new UserError('errors.notPending');
    const now = new Date();
    await tx
      .update(users)
      .set({
        endorsement: word.endorse ? 'endorsed' : 'declined',
        endorsementBy: viewer.id,
        endorsementAt: now,
        endorsementReason: word.endorse ? null : word.reason,
        updatedAt: now,
      })
      .where(and(eq(users.id, userId), eq(users.status, 'pending'), isNull(users.endorsement)));
    await audit(
      {
        action: word.endorse ? 'application.endorsed' : 'application.endorsement_declined',
        actorId: viewer.id,
        targetType: 'user',
        targetId: userId,
        ip: request.ip,
        details: { organisationId: applicant.organisationId, ...(word.endorse ? {} : { reason: word.reason }) },
      },
      tx,
    );
    // It now reaches the Secretariat (already told when the wait is zero days).
    if ((await peopleSettings(tx)).endorsementWaitDays > 0) await emailAdmins(tx);
  });
  deliverSoon();
}

/** A focal point vouches for an application from their organisation: it reaches the Secretariat marked endorsed. */
export async function endorseApplication(viewer: Viewer, userId: string, request: RequestInfo): Promise<void> {
  await giveWord(viewer, userId, { endorse: true }, request);
}

/** A focal point does not vouch for it, saying why: it reaches the Secretariat with that reason (the Secretariat decides). */
export async function declineEndorsement(viewer: Viewer, userId: string, reason: string, request: RequestInfo): Promise<void> {
  await giveWord(viewer, userId, { endorse: false, reason }, request);
}
