/**
 * The yearly re-verification's clock (decision 019), run by the `organisations.reverification` job:
 * sets each active organisation's next date (the anniversary of its creation when an approval did not set
 * it), opens a round 30 days before the date (the first reminder to its focal points), reminds them 7
 * days before, and after the grace period (REVERIFICATION_GRACE_DAYS) suspends the people nobody
 * confirmed: sessions ended, an email saying how to be restored, audited. Every step is idempotent.
 */
import 'server-only';
import { and, eq, isNull, notExists, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { organisations, reverificationRounds, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { config } from '@/lib/config';
import { appLink, deliverSoon, queueEmail, type EmailTemplate } from '@/lib/email';
import { confirmedSince } from './access';

/** Days before the date when a round opens (the first reminder), and when the second reminder goes. */
export const OPEN_DAYS_BEFORE = 30;
export const REMIND_DAYS_BEFORE = 7;

const reviewed = and(eq(organisations.status, 'active'), eq(organisations.isSecretariat, false));

/** Emails the organisation's active focal points (in their languages); none means the round waits in the Secretariat's queue. */
async function tellFocalPoints(tx: Tx, organisationId: string, slug: string, template: EmailTemplate, dueOn: string): Promise<number> {
  const focalPoints = await tx
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.isFocalPoint, true), eq(users.status, 'active')));
  for (const fp of focalPoints)
    await queueEmail(
      {
        to: fp.email,
        template,
        locale: fp.locale,
        link: appLink(`/organisations/${slug}/reverification`),
        values: { date: dueOn, days: String(config().REVERIFICATION_GRACE_DAYS) },
      },
      tx,
    );
  return focalPoints.length;
}

/** Organisations without a date get the next anniversary of their creation. */
async function scheduleMissingDates(): Promise<void> {
  await getDb()
    .update(organisations)
    .set({
      reverificationDueOn: sql`(${organisations.createdAt}::date + make_interval(years => extract(year from age(current_date, ${organisations.createdAt}::date))::int + 1))::date`,
    })
    .where(and(reviewed, isNull(organisations.reverificationDueOn)));
}

/** Opens the rounds now due (30 days before their date) and sends the first reminder; returns how many opened. */
async function openRounds(): Promise<number> {
  const db = getDb();
  const due = await db
    .select({ id: organisations.id, slug: organisations.slug, dueOn: organisations.reverificationDueOn })
    .from(organisations)
    .where(
      and(
        reviewed,
        sql`${organisations.reverificationDueOn} <= current_date + ${sql.raw(String(OPEN_DAYS_BEFORE))}`,
        notExists(
          db
            .select({ id: reverificationRounds.id })
            .from(reverificationRounds)
            .where(and(eq(reverificationRounds.organisationId, organisations.id), eq(reverificationRounds.dueOn, organisations.reverificationDueOn))),
        ),
      ),
    );
  let opened = 0;
  for (const org of due) {
    await db.transaction(async (tx) => {
      const [round] = await tx
        .insert(reverificationRounds)
        .values({ organisationId: org.id, dueOn: org.dueOn! })
        .onConflictDoNothing()
        .returning({ id: reverificationRounds.id });
      if (!round) return;
      opened++;
      await tellFocalPoints(tx, org.id, org.slug, 'reverificationOpened', org.dueOn!);
    });
  }
  return opened;
}

/** Sends the second reminder of the open rounds 7 days (or less) from their date; returns how many. */
async function remindRounds(): Promise<number> {
  const db = getDb();
  const due = await db
    .select({ id: reverificationRounds.id, organisationId: organisations.id, slug: organisations.slug, dueOn: reverificationRounds.dueOn })
    .from(reverificationRounds)
    .innerJoin(organisations, eq(organisations.id, reverificationRounds.organisationId))
    .where(
      and(
        isNull(reverificationRounds.closedAt),
        isNull(reverificationRounds.remindedAt),
        sql`${reverificationRounds.dueOn} <= current_date + ${sql.raw(String(REMIND_DAYS_BEFORE))}`,
      ),
    );
  let reminded = 0;
  for (const round of due) {
    await db.transaction(async (tx) => {
      const [marked] = await tx
        .update(reverificationRounds)
        .set({ remindedAt: sql`now()` })
        .where(and(eq(reverificationRounds.id, round.id), isNull(reverificationRounds.remindedAt)))
        .returning({ id: reverificationRounds.id });
      if (!marked) return;
      reminded++;
      await tellFocalPoints(tx, round.organisationId, round.slug, 'reverificationReminder', round.dueOn);
    });
  }
  return reminded;
}

/**
 * Closes one round past its grace period: suspends the organisation's people not confirmed since it
 * opened (focal points excepted), ends their sessions, emails each how to be restored, audits each, and
 * moves the organisation's date on a year. Returns how many were suspended (0 when already closed).
 */
export async function closeRound(roundId: string): Promise<number> {
  return getDb().transaction(async (tx) => {
    const [round] = await tx
      .update(reverificationRounds)
      .set({ closedAt: sql`now()` })
      .where(and(eq(reverificationRounds.id, roundId), isNull(reverificationRounds.closedAt)))
      .returning();
    if (!round) return 0;
    const suspended = await tx
      .update(users)
      .set({ status: 'suspended', updatedAt: sql`now()` })
      .where(
        and(
          eq(users.organisationId, round.organisationId),
          eq(users.status, 'active'),
          eq(users.isFocalPoint, false),
          sql`not (${confirmedSince(round.openedAt)})`,
        ),
      )
      .returning({ id: users.id, email: users.email, locale: users.locale });
    for (const person of suspended) {
      await revokeAllSessions(person.id, { tx });
      await queueEmail({ to: person.email, template: 'reverificationSuspended', locale: person.locale, link: appLink('/sign-in') }, tx);
      await audit(
        {
          action: 'reverification.suspended',
          targetType: 'user',
          targetId: person.id,
          details: { organisationId: round.organisationId, roundId: round.id, dueOn: round.dueOn },
        },
        tx,
      );
    }
    await tx.update(reverificationRounds).set({ suspendedCount: suspended.length }).where(eq(reverificationRounds.id, round.id));
    await tx
      .update(organisations)
      .set({ reverificationDueOn: sql`(${round.dueOn}::date + interval '1 year')::date` })
      .where(and(eq(organisations.id, round.organisationId), eq(organisations.reverificationDueOn, round.dueOn)));
    return suspended.length;
  });
}

/** Closes every open round whose grace period has ended; returns how many people were suspended. */
async function closeRounds(): Promise<number> {
  const due = await getDb()
    .select({ id: reverificationRounds.id })
    .from(reverificationRounds)
    .where(
      and(
        isNull(reverificationRounds.closedAt),
        sql`${reverificationRounds.dueOn} + make_interval(days => ${config().REVERIFICATION_GRACE_DAYS}) <= current_date`,
      ),
    );
  let suspended = 0;
  for (const round of due) suspended += await closeRound(round.id);
  return suspended;
}

/** One run of the clock: dates, openings, reminders, closings. */
export async function runReverification(): Promise<{ opened: number; reminded: number; suspended: number }> {
  await scheduleMissingDates();
  const opened = await openRounds();
  const reminded = await remindRounds();
  const suspended = await closeRounds();
  if (opened || reminded || suspended) deliverSoon();
  return { opened, reminded, suspended };
}
