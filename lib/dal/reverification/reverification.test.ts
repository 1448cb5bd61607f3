import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { executeRows, getDb } from '@/db';
import { auditLog, organisations, outbox, reverificationRounds, users } from '@/db/schema';
import { viewerForSession } from '@/lib/auth/sessions';
import { NotFoundError } from '@/lib/errors';
import { createOrganisation, createUser, everyRole, signedIn, userById } from '@/testing/factories';
import { listReverificationStatus, setReverificationDate } from './admin';
import { listReviewedPeople, reverificationOverview, reviewPerson } from './people';
import { runReverification } from './rounds';

const request = { ip: '203.0.113.9', userAgent: 'vitest' };
const db = () => getDb();
/** The day `days` from today (negative: in the past) as the database's current_date counts, or a date expression's value. */
const dayOf = async (expression: string) => (await executeRows<{ d: string }>(db(), sql.raw(`select (${expression})::date::text as d`)))[0]!.d;
const isoDay = (days: number) => dayOf(`current_date + ${days}`);
const templatesTo = async (to: string) =>
  (await db().select({ template: outbox.template, subject: outbox.subject }).from(outbox).where(eq(outbox.to, to))).map((r) => r);

/** Moves the clock: the organisation's date and its round's, as rows. */
async function moveDate(organisationId: string, roundId: string, dueOn: string) {
  await db().update(reverificationRounds).set({ dueOn }).where(eq(reverificationRounds.id, roundId));
  await db().update(organisations).set({ reverificationDueOn: dueOn }).where(eq(organisations.id, organisationId));
}

/** An organisation whose date is `days` from today, with a French-reading focal point and three people who joined two years ago. */
async function organisationDueIn(days: number) {
  const org = await createOrganisation({ reverificationDueOn: await isoDay(days) });
  const focalPoint = await signedIn({ organisationId: org.id, isFocalPoint: true, locale: 'fr' });
  const [stays, leaves, silent] = [
    await signedIn({ organisationId: org.id }),
    await signedIn({ organisationId: org.id }),
    await signedIn({ organisationId: org.id }),
  ];
  await db()
    .update(users)
    .set({ createdAt: sql`now() - interval '2 years'` })
    .where(eq(users.organisationId, org.id));
  return { org, focalPoint, stays, leaves, silent };
}

describe('yearly re-verification', () => {
  it('opens a round 30 days before the date, reminds at 7, and after the grace period suspends the people nobody confirmed', async () => {
    const { org, focalPoint, stays, leaves, silent } = await organisationDueIn(20);

    // The round opens (20 days ahead is within 30) and the focal point is told, in French; a second run changes nothing.
    await runReverification();
    await runReverification();
    const rounds = await db().select().from(reverificationRounds).where(eq(reverificationRounds.organisationId, org.id));
    expect(rounds).toHaveLength(1);
    expect(await templatesTo(focalPoint.email)).toEqual([
      { template: 'reverificationOpened', subject: expect.stringContaining('Vérification annuelle') },
    ]);

    // Seven days before the date: the second reminder, once.
    await moveDate(org.id, rounds[0]!.id, await isoDay(6));
    await runReverification();
    await runReverification();
    expect((await templatesTo(focalPoint.email)).map((m) => m.template)).toEqual(['reverificationOpened', 'reverificationReminder']);

    // The focal point confirms one person and says another has left (suspended at once, sessions ended).
    const overview = await reverificationOverview(focalPoint, org.slug);
    expect(overview.round?.unconfirmed).toBe(3);
    const people = await listReviewedPeople(focalPoint, overview, undefined);
    expect(people.items.map((p) => p.id).sort()).toEqual([stays.id, leaves.id, silent.id].sort());
    await reviewPerson(focalPoint, { slug: org.slug, userId: stays.id, decision: 'stays' }, request);
    await reviewPerson(focalPoint, { slug: org.slug, userId: leaves.id, decision: 'left' }, request);
    expect((await userById(leaves.id))?.status).toBe('suspended');
    expect(await viewerForSession(leaves.rawSessionId)).toBeNull();
    expect((await reverificationOverview(focalPoint, org.slug)).round?.unconfirmed).toBe(1);

    // The clock moves past the date and the grace period: the silent one is suspended and told how to be restored.
    await moveDate(org.id, rounds[0]!.id, await isoDay(-31));
    expect((await runReverification()).suspended).toBe(1);
    expect((await userById(silent.id))?.status).toBe('suspended');
    expect(await viewerForSession(silent.rawSessionId)).toBeNull();
    expect((await templatesTo(silent.email)).map((m) => m.template)).toEqual(['reverificationSuspended']);
    expect((await userById(stays.id))?.status).toBe('active');
    expect((await userById(focalPoint.id))?.status).toBe('active');
    const [closed] = await db().select().from(reverificationRounds).where(eq(reverificationRounds.id, rounds[0]!.id));
    expect(closed).toMatchObject({ suspendedCount: 1 });
    expect(closed!.closedAt).toBeInstanceOf(Date);
    const [after] = await db().select().from(organisations).where(eq(organisations.id, org.id));
    expect(after!.reverificationDueOn).toBe(await dayOf(`current_date - 31 + interval '1 year'`));
    const actions = await db()
      .select({ action: auditLog.action, targetId: auditLog.targetId })
      .from(auditLog)
      .where(and(sql`${auditLog.action} like 'reverification.%'`, sql`${auditLog.targetId} in (${stays.id}, ${leaves.id}, ${silent.id})`));
    expect(actions.map((a) => `${a.action} ${a.targetId}`).sort()).toEqual(
      [`reverification.confirmed ${stays.id}`, `reverification.left ${leaves.id}`, `reverification.suspended ${silent.id}`].sort(),
    );
    // A closed round asks nothing more.
    await expect(reviewPerson(focalPoint, { slug: org.slug, userId: stays.id, decision: 'left' }, request)).rejects.toThrow();
  });

  it('gives an organisation without a date the next anniversary of its creation', async () => {
    const org = await createOrganisation();
    await db()
      .update(organisations)
      .set({ createdAt: sql`now() - interval '400 days'` })
      .where(eq(organisations.id, org.id));
    await runReverification();
    const [row] = await db().select().from(organisations).where(eq(organisations.id, org.id));
    expect(row!.reverificationDueOn).toBe(await dayOf(`(now() - interval '400 days')::date + interval '2 years'`));
  });

  it('is for the organisation’s focal points and admins only', async () => {
    const { org, stays } = await organisationDueIn(10);
    await runReverification();
    const { member, focalPoint: otherFocalPoint, moderator, admin } = await everyRole();
    const colleague = await signedIn({ organisationId: org.id });
    for (const viewer of [member, otherFocalPoint, moderator, colleague]) {
      await expect(reverificationOverview(viewer, org.slug)).rejects.toThrow(NotFoundError);
      await expect(reviewPerson(viewer, { slug: org.slug, userId: stays.id, decision: 'left' }, request)).rejects.toThrow(NotFoundError);
      await expect(listReverificationStatus(viewer, {})).rejects.toThrow(NotFoundError);
      await expect(setReverificationDate(viewer, { organisationId: org.id, dueOn: '2030-01-01' }, request)).rejects.toThrow(NotFoundError);
    }
    expect((await userById(stays.id))?.status).toBe('active');
    // An admin may act for an organisation, and a focal point cannot review a person of another organisation.
    const overview = await reverificationOverview(admin, org.slug);
    expect(overview.round).not.toBeNull();
    await expect(reviewPerson(admin, { slug: org.slug, userId: member.id, decision: 'left' }, request)).rejects.toThrow(NotFoundError);
  });

  it('shows admins each organisation’s status, and the queue of open rounds without a focal point', async () => {
    const lonely = await createOrganisation({ name: `Zz lonely ${Date.now()}`, reverificationDueOn: await isoDay(3) });
    await createUser({ organisationId: lonely.id });
    const { org } = await organisationDueIn(90);
    const { admin } = await everyRole();
    await runReverification();
    const queue = await listReverificationStatus(admin, { filter: 'queue' });
    expect(queue.items.map((o) => o.id)).toContain(lonely.id);
    expect(queue.items.map((o) => o.id)).not.toContain(org.id);
    const scheduled = await listReverificationStatus(admin, { filter: 'scheduled' });
    expect(scheduled.items.find((o) => o.id === org.id)).toMatchObject({ focalPoints: 1, unconfirmed: 0, openedAt: null });
    const open = (await listReverificationStatus(admin, { filter: 'open' })).items.find((o) => o.id === lonely.id);
    expect(open).toMatchObject({ focalPoints: 0, unconfirmed: 1 });

    await setReverificationDate(admin, { organisationId: org.id, dueOn: await isoDay(10) }, request);
    await runReverification();
    expect((await listReverificationStatus(admin, { filter: 'open' })).items.map((o) => o.id)).toContain(org.id);
    const [row] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'reverification.scheduled'), eq(auditLog.targetId, org.id)));
    expect(row).toMatchObject({ actorId: admin.id });
  });
});
