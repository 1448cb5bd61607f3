import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';
import { assertAcceptablePassword } from '@/lib/auth/password-policy';
import { appLink, deliverSoon, queueEmail } from '@/lib/email';
import { UserError } from '@/lib/errors';
import { DEFAULT_LOCALE, isLocale, isTimeZone } from '@/lib/i18n/locales';
import type { RequestInfo } from '@/lib/request';
import type { RegisterInput } from '@/lib/validation/auth';
import { uniqueSlug } from '@/lib/dal/slugs';
import { domainOf, isFreeMailDomain } from '@/lib/email-domains';
import { currentGuidelinesVersion } from '@/lib/dal/guidelines/guidelines';
import { announceApplication } from '@/lib/dal/people/endorsement';
import { claimInvitation, invitationPreview, markInvitationAccepted } from '@/lib/dal/people/invitations';
import { peopleSettings } from '@/lib/dal/people/settings';
import { consumeToken, issueToken, mailboxAllows } from './tokens';

/**
 * Registration and email verification. Answers never reveal whether an email is registered (the owner
 * is emailed instead).
 */
export async function registerApplicant(input: RegisterInput, request: RequestInfo): Promise<void> {
  // An invitation fixes the organisation, and only its invited address may use it (checked before the
  // address is looked up: the invitee knows the address the invitation went to).
  if (input.invitation) {
    const invitation = await invitationPreview(input.invitation);
    if (!invitation) throw new UserError('people.invitation.invalid');
    if (invitation.email !== input.email.toLowerCase()) throw new UserError('people.invitation.otherEmail', 'email');
    input = { ...input, organisationChoice: 'existing', organisationId: invitation.organisationId };
  }
  await assertAcceptablePassword(input.password, { name: input.name, email: input.email });
  const passwordHash = await hashPassword(input.password);
  const locale = isLocale(input.locale) ? input.locale : DEFAULT_LOCALE;
  const timeZone = isTimeZone(input.timeZone) ? input.timeZone : 'UTC';
  const db = getDb();

  // Checked before looking the email up: answering differently for a known email would reveal it.
  if (input.organisationChoice === 'existing') {
    const [org] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, input.organisationId!), eq(organisations.status, 'active'), eq(organisations.isSecretariat, false)))
      .limit(1);
    if (!org) throw new UserError('errors.organisationUnknown', 'organisationId');
  }

  const mayEmail = await mailboxAllows(input.email);
  const [existing] = await db.select({ id: users.id, locale: users.locale }).from(users).where(eq(users.email, input.email)).limit(1);
  if (existing) {
    await db.transaction(async (tx) => {
      if (mayEmail) await queueEmail({ to: input.email, template: 'registerExisting', locale: existing.locale, link: appLink('/sign-in') }, tx);
      await audit({ action: 'auth.register_existing_email', targetType: 'user', targetId: existing.id, ip: request.ip }, tx);
    });
    deliverSoon();
    return;
  }

  await db.transaction(async (tx) => {
    let organisationId = input.organisationId;
    if (input.organisationChoice === 'new') {
      const [org] = await tx
        .insert(organisations)
        .values({
          slug: await uniqueSlug({ table: organisations, slug: organisations.slug }, input.newOrganisationName!, 'organisation', tx),
          name: input.newOrganisationName!,
          sector: input.newOrganisationSector!,
          country: input.newOrganisationSector === 'intergovernmental' ? (input.newOrganisationCountry ?? null) : input.newOrganisationCountry!,
          website: input.newOrganisationWebsite ?? null,
          // Never a free email provider's domain: it would make every gmail.com applicant "match".
          emailDomains: isFreeMailDomain(domainOf(input.email)) ? [] : [domainOf(input.email)],
          status: 'proposed',
        })
        .returning({ id: organisations.id });
      organisationId = org!.id;
    }
    // Invited by a focal point: the application arrives endorsed by them (decision 018).
    const invitation = input.invitation ? await claimInvitation(tx, input.invitation, input.email) : null;
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        jobTitle: input.jobTitle,
        passwordHash,
        organisationId: organisationId!,
        reason: input.reason,
        locale,
        timeZone,
        status: 'unverified',
        // The guidelines they ticked on the form: the version in force (decision 019).
        guidelinesVersion: currentGuidelinesVersion,
        guidelinesAcceptedAt: sql`now()`,
        ...(invitation
          ? { invitedBy: invitation.invitedBy, endorsement: 'endorsed' as const, endorsementBy: invitation.invitedBy, endorsementAt: new Date() }
          : {}),
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!user) return; // registered a moment ago by a parallel request: answer the same
    if (invitation) await markInvitationAccepted(tx, invitation.id, user.id);
    const token = await issueToken(user.id, 'verify_email', tx);
    await queueEmail({ to: input.email, template: 'verifyEmail', locale, link: appLink('/verify-email', { token }) }, tx);
    await audit(
      {
        action: 'auth.register',
        actorId: user.id,
        targetType: 'user',
        targetId: user.id,
        ip: request.ip,
        details: { organisationChoice: input.organisationChoice, ...(invitation ? { invitedBy: invitation.invitedBy } : {}) },
      },
      tx,
    );
  });
  deliverSoon();
}

/**
 * Confirms an email address; the application then waits for its organisation's focal point and the
 * Secretariat (decision 018), or, invited by a focal point while the `invitations_skip_approval` setting
 * is on, is approved at once.
 */
export async function verifyEmail(rawToken: string, request: RequestInfo): Promise<boolean> {
  const userId = await consumeToken(rawToken, 'verify_email');
  if (!userId) return false;
  const db = getDb();
  await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ status: 'pending', emailVerifiedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(users.id, userId), eq(users.status, 'unverified')))
      .returning({ id: users.id, email: users.email, locale: users.locale, organisationId: users.organisationId, invitedBy: users.invitedBy });
    if (!user) return;
    await audit({ action: 'auth.verify_email', actorId: userId, targetType: 'user', targetId: userId, ip: request.ip }, tx);
    if (user.invitedBy && (await peopleSettings(tx)).invitationsSkipApproval) {
      await tx.update(users).set({ status: 'active', decidedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, user.id));
      await queueEmail({ to: user.email, template: 'applicationApproved', locale: user.locale, link: appLink('/sign-in') }, tx);
      await audit(
        {
          action: 'application.approved',
          actorId: user.invitedBy,
          targetType: 'user',
          targetId: user.id,
          ip: request.ip,
          details: { organisationId: user.organisationId, invitation: true },
        },
        tx,
      );
      return;
    }
    await announceApplication(tx, { id: user.id, organisationId: user.organisationId, endorsed: Boolean(user.invitedBy) });
  });
  deliverSoon();
  return true;
}
