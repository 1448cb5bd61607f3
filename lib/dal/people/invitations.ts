/**
 * Invitations (decision 018): a focal point (or an admin) invites a colleague by email. The link is a
 * random secret stored as its SHA-256, valid 7 days, used once, and only by the invited address; a newer
 * invitation to the same address replaces the older one. Sending is limited per focal point
 * (RULES.invitation). Access: the organisation's focal points and admins (./access.ts).
 */
import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { invitations, organisations, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { newSecret, sha256 } from '@/lib/auth/tokens';
import { appLink, deliverSoon, queueEmail } from '@/lib/email';
import { UserError } from '@/lib/errors';
import { consume } from '@/lib/rate-limit';
import type { RequestInfo } from '@/lib/request';
import { assertManages } from './access';

export const INVITATION_DAYS = 7;

/**
 * Emails an invitation to join the organisation, in the language of the page the focal point used. An
 * address that already has an account gets nothing (and the answer is the same).
 */
export async function inviteColleague(
  viewer: Viewer,
  input: { organisationId: string; email: string; locale: string },
  request: RequestInfo,
): Promise<void> {
  assertManages(viewer, input.organisationId);
  const limit = await consume('invitation', `user:${viewer.id}`);
  if (!limit.ok) throw new UserError('errors.rateLimited', undefined, { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
  const email = input.email.toLowerCase();
  const db = getDb();
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, input.organisationId), eq(organisations.status, 'active')))
    .limit(1);
  if (!organisation) throw new UserError('errors.stale');
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  await db.transaction(async (tx) => {
    if (!existing) {
      const { raw, hash } = newSecret();
      await tx
        .update(invitations)
        .set({ usedAt: new Date() })
        .where(and(eq(invitations.organisationId, input.organisationId), eq(invitations.email, email), isNull(invitations.usedAt)));
      await tx.insert(invitations).values({
        organisationId: input.organisationId,
        email,
        invitedBy: viewer.id,
        tokenHash: hash,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      });
      await queueEmail(
        {
          to: email,
          template: 'invitation',
          locale: input.locale,
          link: appLink('/register', { invitation: raw }),
          values: { inviter: viewer.name, organisation: organisation.name },
        },
        tx,
      );
    }
    await audit(
      {
        action: 'invitation.sent',
        actorId: viewer.id,
        targetType: 'organisation',
        targetId: input.organisationId,
        ip: request.ip,
        details: { email, existingAccount: Boolean(existing) },
      },
      tx,
    );
  });
  deliverSoon();
}

export interface InvitationPreview {
  organisationId: string;
  organisationName: string;
  email: string;
}

const live = (raw: string) =>
  and(eq(invitations.tokenHash, sha256(raw)), isNull(invitations.usedAt), gt(invitations.expiresAt, sql`now()`), eq(organisations.status, 'active'));

/** What the registration page shows for a live invitation link (null when unknown, used or expired). */
export async function invitationPreview(raw: string | undefined): Promise<InvitationPreview | null> {
  if (!raw || raw.length > 100) return null;
  const [row] = await getDb()
    .select({ organisationId: invitations.organisationId, organisationName: organisations.name, email: invitations.email })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(live(raw))
    .limit(1);
  return row ?? null;
}

/**
 * Uses an invitation for a registration (inside its transaction): single use even under races, only
 * by the invited address. Returns the organisation and the focal point who invited; throws a field
 * error when the link is no longer valid or the address is not the one invited.
 */
export async function claimInvitation(tx: Tx, raw: string, email: string): Promise<{ organisationId: string; invitedBy: string; id: string }> {
  const [row] = await tx
    .select({ id: invitations.id, email: invitations.email, organisationId: invitations.organisationId, invitedBy: invitations.invitedBy })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(live(raw))
    .for('update', { of: invitations })
    .limit(1);
  if (!row) throw new UserError('people.invitation.invalid');
  if (row.email !== email.toLowerCase()) throw new UserError('people.invitation.otherEmail', 'email');
  await tx.update(invitations).set({ usedAt: new Date() }).where(eq(invitations.id, row.id));
  return row;
}

/** Records who accepted it, once their account exists. */
export async function markInvitationAccepted(tx: Tx, invitationId: string, userId: string): Promise<void> {
  await tx.update(invitations).set({ acceptedBy: userId }).where(eq(invitations.id, invitationId));
}
