/**
 * A focal point's changes to their organisation's staff (decision 018): removing a person (they lose
 * access at once; what they wrote stays) and nominating another focal point (an admin confirms in the
 * console, lib/dal/console/nominations.ts). Access: the organisation's focal points and admins
 * (./access.ts). Both audited.
 */
import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { focalPointNominations, spaceMembers, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import { revokeAllSessions, type Viewer } from '@/lib/auth/sessions';
import { appLink, deliverSoon, queueEmail } from '@/lib/email';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { isUuid } from '@/lib/dal/pagination';
import { isStaff } from '@/lib/dal/roles';
import { assertManages } from './access';

/** An active member of an organisation the viewer manages, locked for the change; never the viewer. */
async function lockMember(tx: Tx, viewer: Viewer, userId: string) {
  if (!isUuid(userId)) throw new NotFoundError('user');
  const [person] = await tx
    .select({
      id: users.id,
      email: users.email,
      locale: users.locale,
      role: users.role,
      isFocalPoint: users.isFocalPoint,
      status: users.status,
      organisationId: users.organisationId,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  if (!person) throw new NotFoundError('user');
  assertManages(viewer, person.organisationId);
  if (person.id === viewer.id) throw new UserError('people.errors.notYourself');
  if (person.status !== 'active') throw new UserError('errors.stale');
  return person;
}

/**
 * Removes a person from the organisation: their account is suspended and every session ends at once
 * (their next request is signed out), their memberships of request-only spaces end, and they are told
 * by email. Their posts and resources stay. Another focal point, a moderator or an admin is removed by
 * the Secretariat only.
 */
export async function removeFromOrganisation(viewer: Viewer, userId: string, request: RequestInfo): Promise<void> {
  await getDb().transaction(async (tx) => {
    const person = await lockMember(tx, viewer, userId);
    if (isStaff(person)) throw new UserError('people.errors.staffStays');
    await tx.update(users).set({ status: 'suspended', updatedAt: new Date() }).where(eq(users.id, person.id));
    const sessionsEnded = await revokeAllSessions(person.id, { tx });
    const memberships = await tx
      .delete(spaceMembers)
      .where(inArray(spaceMembers.userId, [person.id]))
      .returning({ spaceId: spaceMembers.spaceId });
    await tx
      .update(focalPointNominations)
      .set({ decidedAt: new Date(), decidedBy: viewer.id, confirmed: false })
      .where(and(eq(focalPointNominations.nomineeId, person.id), isNull(focalPointNominations.decidedAt)));
    await queueEmail({ to: person.email, template: 'removedFromOrganisation', locale: person.locale, link: appLink('/guidelines') }, tx);
    await audit(
      {
        action: 'user.removed_from_organisation',
        actorId: viewer.id,
        targetType: 'user',
        targetId: person.id,
        ip: request.ip,
        details: { organisationId: person.organisationId, from: 'active', to: 'suspended', sessionsEnded, spaceMembershipsEnded: memberships.length },
      },
      tx,
    );
  });
  deliverSoon();
}

/** Proposes a member of the organisation as another focal point; an admin confirms. One open nomination per person. */
export async function nominateFocalPoint(viewer: Viewer, userId: string, request: RequestInfo): Promise<void> {
  await getDb().transaction(async (tx) => {
    const person = await lockMember(tx, viewer, userId);
    if (person.isFocalPoint) throw new UserError('people.errors.alreadyFocalPoint');
    const [nomination] = await tx
      .insert(focalPointNominations)
      .values({ organisationId: person.organisationId, nomineeId: person.id, nominatedBy: viewer.id })
      .onConflictDoNothing()
      .returning({ id: focalPointNominations.id });
    if (!nomination) throw new UserError('people.errors.alreadyNominated');
    await audit(
      {
        action: 'focal_point.nominated',
        actorId: viewer.id,
        targetType: 'user',
        targetId: person.id,
        ip: request.ip,
        details: { organisationId: person.organisationId, nominationId: nomination.id },
      },
      tx,
    );
  });
}
