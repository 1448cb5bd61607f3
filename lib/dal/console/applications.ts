/**
 * Access for applications (people who confirmed their email and wait for approval). They are the
 * Secretariat's alone (a focal point's endorsement comes first where there is one, decision 018): every function takes the viewer first and calls assertConsoleAccess (./access.ts) before it reads or
 * writes; to anyone else applications do not exist (NotFoundError).
 */
import 'server-only';
import { and, eq, inArray, ne, notExists, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations, users } from '@/db/schema';
import type { Endorsement, OrganisationStatus, Sector } from '@/db/schema';
import { alias } from 'drizzle-orm/pg-core';
import { awaitingEndorsement, endorsementDeadline } from '@/lib/dal/people/endorsement';
import { peopleSettings } from '@/lib/dal/people/settings';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { appLink, deliverSoon, queueEmail } from '@/lib/email';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import type { ApplicationFilters } from '@/lib/validation/admin';
import { assertConsoleAccess } from './access';
import { isoMicros, isUuid, keysetPage, seekClause, timeIdKey, type Page } from '@/lib/dal/pagination';
import { domainOf, isFreeMailDomain } from '@/lib/email-domains';

export interface Application {
  id: string;
  name: string;
  email: string;
  jobTitle: string;
  /** Written by the applicant: render as plain text with dir="auto". */
  reason: string;
  appliedAt: Date;
  emailVerifiedAt: Date | null;
  organisation: {
    id: string;
    name: string;
    sector: Sector;
    country: string | null;
    status: OrganisationStatus;
    /** Proposed by this applicant: it becomes a member organisation when they are approved. */
    isNew: boolean;
  };
  /** The email's domain is (a subdomain of) one the organisation registered. */
  emailDomainMatches: boolean;
  /** The address is at a free email provider (gmail.com…): it says nothing about the organisation. */
  freeMail: boolean;
  /** A focal point's word on it (decision 018): endorsed, or declined with a reason; null when none was given. */
  endorsement: { state: Endorsement; by: string | null; at: Date | null; reason: string | null } | null;
  /** It came through a focal point's invitation. */
  invited: boolean;
  /** Until when it waits for its focal point: the Secretariat decides after that (null: it may decide now). */
  waitsUntil: Date | null;
}

const endorser = alias(users, 'endorser');

/** Whether the address is at one of the organisation's domains (or a subdomain); never for a free email provider. */
export function emailDomainMatches(email: string, domains: readonly string[]): boolean {
  const domain = domainOf(email);
  if (isFreeMailDomain(domain)) return false;
  return domains.some((d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`));
}

/** Verified applications waiting for a decision, oldest first. */
export async function listApplications(viewer: Viewer, filters: ApplicationFilters = {}): Promise<Page<Application>> {
  assertConsoleAccess(viewer);
  const { endorsementWaitDays } = await peopleSettings();
  const page = await keysetPage({
    cursor: filters.cursor,
    key: timeIdKey,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause([users.createdAt, users.id], key ? [sql`${key[0]}::timestamptz`, sql`${key[1]}::uuid`] : null, 'asc', backward);
      const rows = await getDb()
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          jobTitle: users.jobTitle,
          reason: users.reason,
          appliedAt: users.createdAt,
          emailVerifiedAt: users.emailVerifiedAt,
          cursorAt: isoMicros(users.createdAt),
          endorsementState: users.endorsement,
          endorsementAt: users.endorsementAt,
          endorsementReason: users.endorsementReason,
          endorsedBy: endorser.name,
          invited: sql<boolean>`"users"."invited_by" is not null`,
          waitsUntil: endorsementDeadline(endorsementWaitDays),
          organisation: {
            id: organisations.id,
            name: organisations.name,
            sector: organisations.sector,
            country: organisations.country,
            status: organisations.status,
            emailDomains: organisations.emailDomains,
          },
        })
        .from(users)
        .innerJoin(organisations, eq(organisations.id, users.organisationId))
        .leftJoin(endorser, eq(endorser.id, users.endorsementBy))
        .where(and(eq(users.status, 'pending'), seek.where))
        .orderBy(...seek.orderBy)
        .limit(limit);
      return rows;
    },
    keyOf: (row) => [row.cursorAt, row.id] as [string, string],
  });
  return {
    ...page,
    items: page.items.map(
      ({
        cursorAt: _cursor,
        organisation: { emailDomains, ...organisation },
        endorsementState,
        endorsementAt,
        endorsementReason,
        endorsedBy,
        ...row
      }) => ({
        ...row,
        endorsement: endorsementState ? { state: endorsementState, by: endorsedBy, at: endorsementAt, reason: endorsementReason } : null,
        organisation: { ...organisation, isNew: organisation.status === 'proposed' },
        // A proposed organisation's domain was taken from this very address: it proves nothing.
        emailDomainMatches: organisation.status !== 'proposed' && emailDomainMatches(row.email, emailDomains),
        freeMail: isFreeMailDomain(domainOf(row.email)),
      }),
    ),
  };
}

type Decision = { approve: true } | { approve: false; reason: string };

async function decide(viewer: Viewer, userId: string, decision: Decision, request: RequestInfo): Promise<void> {
  assertConsoleAccess(viewer);
  if (!isUuid(userId)) throw new NotFoundError('application');
  const { endorsementWaitDays } = await peopleSettings();
  await getDb().transaction(async (tx) => {
    const now = new Date();
    // While it waits for its organisation's focal point, the Secretariat does not decide (decision 018).
    const [waiting] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.status, 'pending'), awaitingEndorsement(endorsementWaitDays)))
      .limit(1);
    if (waiting) throw new UserError('people.admin.awaitingEndorsement');
    // Only a pending application can be decided, and only once, even when two admins click together.
    const [user] = await tx
      .update(users)
      .set({
        status: decision.approve ? 'active' : 'rejected',
        decisionReason: decision.approve ? null : decision.reason,
        decidedAt: now,
        decidedBy: viewer.id,
        updatedAt: now,
      })
      .where(and(eq(users.id, userId), eq(users.status, 'pending')))
      .returning({ id: users.id, email: users.email, locale: users.locale, organisationId: users.organisationId });
    if (!user) {
      const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
      throw exists ? new UserError('errors.notPending') : new NotFoundError('application');
    }

    // An organisation the applicant proposed follows the decision. A rejection leaves it alone while
    // anyone else still belongs to it or waits to.
    const others = tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.organisationId, user.organisationId),
          ne(users.id, user.id),
          inArray(users.status, ['unverified', 'pending', 'active', 'suspended']),
        ),
      );
    const [organisation] = await tx
      .update(organisations)
      .set({
        status: decision.approve ? 'active' : 'rejected',
        updatedAt: now,
        // Its yearly re-verification falls on the anniversary of its approval (decision 019).
        reverificationDueOn: decision.approve ? sql`(current_date + interval '1 year')::date` : undefined,
      })
      .where(and(eq(organisations.id, user.organisationId), eq(organisations.status, 'proposed'), decision.approve ? undefined : notExists(others)))
      .returning({ id: organisations.id });

    // A rejection tells its applicant why (the same reason the sign-in page shows them).
    await queueEmail(
      {
        to: user.email,
        template: decision.approve ? 'applicationApproved' : 'applicationRejected',
        locale: user.locale,
        link: appLink('/sign-in'),
        values: decision.approve ? {} : { reason: decision.reason },
      },
      tx,
    );
    await audit(
      {
        action: decision.approve ? 'application.approved' : 'application.rejected',
        actorId: viewer.id,
        targetType: 'user',
        targetId: user.id,
        ip: request.ip,
        details: {
          organisationId: user.organisationId,
          ...(organisation ? { organisationStatus: decision.approve ? 'active' : 'rejected' } : {}),
          ...(decision.approve ? {} : { reason: decision.reason }),
        },
      },
      tx,
    );
  });
  deliverSoon();
}

/** Lets the applicant in (and their proposed organisation with them), and emails them. */
export async function approveApplication(viewer: Viewer, userId: string, request: RequestInfo): Promise<void> {
  await decide(viewer, userId, { approve: true }, request);
}

/** Turns the application down with a reason kept on record (not emailed), and emails the applicant. */
export async function rejectApplication(viewer: Viewer, userId: string, reason: string, request: RequestInfo): Promise<void> {
  await decide(viewer, userId, { approve: false, reason }, request);
}
